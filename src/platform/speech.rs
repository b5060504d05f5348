//! Reading the page aloud with the browser's speech synthesis (Web Speech API): the blocks of
//! the article shown (headline, dek, then each body block and caption), one after the other,
//! the one being read highlighted (`.speaking`) and kept in view. One reading at a time per
//! page. Natively there is no speech: [`speech_available`] is false and the rest do nothing.

/// What is read, in order: the elements whose text is spoken and highlighted.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const BLOCKS: &str = "article .headline, article .dek, .article-body > :not(figure.body-image, hr, .pullquote), .article-body > figure.body-image figcaption";

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::{cell::RefCell, rc::Rc};

    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance};

    fn synth() -> Option<SpeechSynthesis> {
        let window = web_sys::window()?;
        // Absent in some browsers (and removable): look before touching it.
        if !js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false) {
            return None;
        }
        window.speech_synthesis().ok()
    }

    fn blocks() -> Vec<Element> {
        let Some(list) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(super::BLOCKS).ok())
        else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .filter(|e| !e.text_content().unwrap_or_default().trim().is_empty())
            .collect()
    }

    /// The reading in progress: the blocks, where it is, and the callback kept alive.
    struct Reading {
        blocks: Vec<Element>,
        index: usize,
        rate: f32,
        lang: String,
        on_end: Option<Closure<dyn FnMut()>>,
        /// Bumped by every stop and restart: an utterance of an older generation that ends
        /// does not go on to the next block.
        generation: u32,
    }

    type Shared = Rc<RefCell<Reading>>;

    thread_local! {
        static READING: RefCell<Option<Shared>> = const { RefCell::new(None) };
    }

    fn current() -> Option<Shared> {
        READING.with(|r| r.borrow().clone())
    }

    fn clear_highlight(reading: &Reading) {
        for b in &reading.blocks {
            let _ = b.class_list().remove_1("speaking");
        }
    }

    fn speak_current(shared: &Shared, done: Rc<dyn Fn()>) {
        let Some(synth) = synth() else { return };
        let (text, lang, rate, generation) = {
            let r = shared.borrow();
            clear_highlight(&r);
            let Some(block) = r.blocks.get(r.index) else {
                drop(r);
                done();
                return;
            };
            let _ = block.class_list().add_1("speaking");
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            block.scroll_into_view_with_scroll_into_view_options(&options);
            (
                block.text_content().unwrap_or_default(),
                r.lang.clone(),
                r.rate,
                r.generation,
            )
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
            return;
        };
        utterance.set_lang(&lang);
        utterance.set_rate(rate);
        if let Some(voice) = synth
            .get_voices()
            .iter()
            .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .find(|v| v.lang().to_ascii_lowercase().starts_with(&lang.to_ascii_lowercase()))
        {
            utterance.set_voice(Some(&voice));
        }
        let next = {
            let shared = shared.clone();
            Closure::<dyn FnMut()>::new(move || {
                // A stop or a restart (new speed) since this block began: not ours to continue.
                if shared.borrow().generation != generation {
                    return;
                }
                shared.borrow_mut().index += 1;
                speak_current(&shared, done.clone());
            })
        };
        utterance.set_onend(Some(next.as_ref().unchecked_ref()));
        shared.borrow_mut().on_end = Some(next);
        synth.speak(&utterance);
    }

    pub fn available() -> bool {
        synth().is_some()
    }

    pub fn start(from: usize, rate: f32, lang: &str, done: Rc<dyn Fn()>) {
        let Some(synth) = synth() else { return };
        let generation = current().map_or(0, |r| r.borrow().generation + 1);
        stop();
        synth.cancel();
        let shared = Rc::new(RefCell::new(Reading {
            blocks: blocks(),
            index: from,
            rate,
            lang: lang.to_string(),
            on_end: None,
            generation,
        }));
        READING.with(|r| *r.borrow_mut() = Some(shared.clone()));
        speak_current(&shared, done);
    }

    pub fn pause() {
        if let Some(synth) = synth() {
            synth.pause();
        }
    }

    pub fn resume() {
        if let Some(synth) = synth() {
            synth.resume();
        }
    }

    pub fn stop() {
        if let Some(r) = current() {
            let mut r = r.borrow_mut();
            r.generation += 1;
            clear_highlight(&r);
        }
        if let Some(synth) = synth() {
            synth.cancel();
        }
    }

    pub fn position() -> usize {
        current().map_or(0, |r| r.borrow().index)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::rc::Rc;

    pub fn available() -> bool {
        false
    }
    pub fn start(_from: usize, _rate: f32, _lang: &str, _done: Rc<dyn Fn()>) {}
    pub fn pause() {}
    pub fn resume() {}
    pub fn stop() {}
    pub fn position() -> usize {
        0
    }
}

/// Whether this browser can read aloud.
///
/// ```no_run
/// // Offer Listen only where the browser can read aloud.
/// if article_reader::platform::speech::speech_available() {
///     println!("show Listen");
/// }
/// ```
pub fn speech_available() -> bool {
    imp::available()
}

/// Reads the page's blocks aloud from block `from` at `rate` (1.0 is normal) in the voice of
/// `lang` (a BCP 47 tag), replacing any reading in progress; `done` runs after the last block.
///
/// ```no_run
/// use article_reader::platform::speech::{speak_from, speech_position, stop_speech};
/// // Read a French article a little faster than normal, from its first block.
/// speak_from(0, 1.25, "fr", || println!("finished"));
/// println!("now reading block {}", speech_position());
/// stop_speech();
/// ```
pub fn speak_from(from: usize, rate: f32, lang: &str, done: impl Fn() + 'static) {
    imp::start(from, rate, lang, std::rc::Rc::new(done))
}

/// Pauses the reading where it is.
pub fn pause_speech() {
    imp::pause()
}

/// Resumes a paused reading.
pub fn resume_speech() {
    imp::resume()
}

/// Stops the reading and removes the highlight.
pub fn stop_speech() {
    imp::stop()
}

/// The block being read (the index [`speak_from`] takes), to restart there at a new speed.
pub fn speech_position() -> usize {
    imp::position()
}

//! Listen: the article read aloud with the browser's speech synthesis (Web Speech API), in the
//! article's language, block by block — headline, dek, then each paragraph, heading, quote,
//! list and caption — with the block being read highlighted. Pause/Resume, Stop, and a speed
//! choice (a change applies from the current block). Hidden where the browser has no speech
//! synthesis.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Idle,
    Playing,
    Paused,
}

/// Speeds offered, as speech rates.
const SPEEDS: &[(&str, &str)] = &[("0.75", "0.75×"), ("1", "1×"), ("1.25", "1.25×"), ("1.5", "1.5×"), ("2", "2×")];

#[cfg(target_arch = "wasm32")]
mod speech {
    use std::{cell::RefCell, rc::Rc};

    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance};

    pub fn synth() -> Option<SpeechSynthesis> {
        let window = web_sys::window()?;
        // Absent in some browsers (and removable): look before touching it.
        let has = js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false);
        if !has {
            return None;
        }
        window.speech_synthesis().ok()
    }

    /// What is read, in order: the elements whose text is spoken and highlighted.
    pub fn blocks() -> Vec<Element> {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return Vec::new();
        };
        let Ok(list) = document.query_selector_all(
            "article .headline, article .dek, .article-body > :not(figure.body-image), .article-body > figure.body-image figcaption",
        ) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .filter(|e| !e.text_content().unwrap_or_default().trim().is_empty())
            .collect()
    }

    /// A reading in progress: the blocks, where it is, and the callbacks kept alive.
    pub struct Reading {
        pub blocks: Vec<Element>,
        pub index: usize,
        pub rate: f32,
        pub lang: String,
        pub on_end: Option<Closure<dyn FnMut()>>,
        pub generation: u32,
    }

    pub type Shared = Rc<RefCell<Reading>>;

    pub fn clear_highlight(reading: &Reading) {
        for b in &reading.blocks {
            let _ = b.class_list().remove_1("speaking");
        }
    }

    /// Speaks block `reading.index` and, when it ends, the next; `done` runs after the last.
    pub fn speak_current(shared: &Shared, done: Rc<dyn Fn()>) {
        let Some(synth) = synth() else { return };
        let (text, lang, rate, generation) = {
            let r = shared.borrow();
            let Some(block) = r.blocks.get(r.index) else {
                clear_highlight(&r);
                drop(r);
                done();
                return;
            };
            clear_highlight(&r);
            let _ = block.class_list().add_1("speaking");
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            block.scroll_into_view_with_scroll_into_view_options(&options);
            (block.text_content().unwrap_or_default(), r.lang.clone(), r.rate, r.generation)
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else { return };
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
}

#[component]
pub fn ListenControls(
    /// The article's language: the voice's language.
    language: String,
) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let supported = RwSignal::new(true);
    let t = crate::i18n::use_text();
    let lt = crate::i18n::use_lang_tag();
    let rate = RwSignal::new("1".to_string());

    #[cfg(target_arch = "wasm32")]
    let reading: StoredValue<Option<speech::Shared>, LocalStorage> = StoredValue::new_local(None);

    #[cfg(target_arch = "wasm32")]
    {
        Effect::new(move || supported.set(speech::synth().is_some()));
        on_cleanup(move || {
            if let Some(synth) = speech::synth() {
                synth.cancel();
            }
            if let Some(Some(r)) = reading.try_get_value() {
                speech::clear_highlight(&r.borrow());
            }
        });
    }

    let language = StoredValue::new(language);

    // Starts reading from block `from` at the chosen speed.
    let start = move |from: usize| {
        #[cfg(target_arch = "wasm32")]
        {
            use std::{cell::RefCell, rc::Rc};
            let Some(synth) = speech::synth() else { return };
            let generation = reading
                .get_value()
                .map_or(0, |r| r.borrow().generation + 1);
            synth.cancel();
            let shared = Rc::new(RefCell::new(speech::Reading {
                blocks: speech::blocks(),
                index: from,
                rate: rate.get_untracked().parse().unwrap_or(1.0),
                lang: language.get_value(),
                on_end: None,
                generation,
            }));
            reading.set_value(Some(shared.clone()));
            state.set(State::Playing);
            speech::speak_current(&shared, Rc::new(move || state.set(State::Idle)));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (from, language, rate);
    };

    let stop = move || {
        #[cfg(target_arch = "wasm32")]
        {
            if let Some(r) = reading.get_value() {
                let mut r = r.borrow_mut();
                r.generation += 1;
                speech::clear_highlight(&r);
            }
            if let Some(synth) = speech::synth() {
                synth.cancel();
            }
        }
        state.set(State::Idle);
    };

    let main_button = move |_| match state.get_untracked() {
        State::Idle => start(0),
        State::Playing => {
            #[cfg(target_arch = "wasm32")]
            if let Some(synth) = speech::synth() {
                synth.pause();
            }
            state.set(State::Paused);
        }
        State::Paused => {
            #[cfg(target_arch = "wasm32")]
            if let Some(synth) = speech::synth() {
                synth.resume();
            }
            state.set(State::Playing);
        }
    };

    let on_speed = move |ev: leptos::ev::Event| {
        rate.set(event_target_value(&ev));
        // A new speed applies from the block being read.
        if state.get_untracked() != State::Idle {
            #[cfg(target_arch = "wasm32")]
            {
                let index = reading.get_value().map_or(0, |r| r.borrow().index);
                start(index);
            }
        }
    };

    view! {
        <div class="listen" hidden=move || !supported.get() lang=lt>
            <button
                type="button"
                class="listen-toggle"
                on:click=main_button
            >
                {move || match state.get() {
                    State::Idle => t().listen,
                    State::Playing => t().pause,
                    State::Paused => t().resume,
                }}
            </button>
            <button type="button" class="listen-stop" hidden=move || state.get() == State::Idle on:click=move |_| stop()>
                {move || t().stop}
            </button>
            <label class="listen-speed">
                {move || t().speed} " "
                <select on:change=on_speed prop:value=move || rate.get()>
                    {SPEEDS
                        .iter()
                        .map(|(value, label)| view! { <option value=*value selected=*value == "1">{*label}</option> })
                        .collect_view()}
                </select>
            </label>
            <span class="visually-hidden" role="status">
                {move || match state.get() {
                    State::Idle => "",
                    State::Playing => t().reading_aloud,
                    State::Paused => t().paused,
                }}
            </span>
        </div>
    }
    .into_any()
}

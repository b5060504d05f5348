//! Listen: the article read aloud with the browser's speech synthesis (Web Speech API), in the
//! article's language, block by block — headline, dek, then each paragraph, heading, quote,
//! list and caption — with the block being read highlighted. Pause/Resume, Stop, and a speed
//! choice (a change applies from the current block). Hidden where the browser has no speech
//! synthesis. The reading's code is a chunk of its own, fetched on the first press.

use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::platform::chunk::ChunkError;
use crate::platform::speech::{
    pause_speech, resume_speech, speak_from, speech_available, speech_position, stop_speech,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Idle,
    Playing,
    Paused,
}

/// Speeds offered, as speech rates.
const SPEEDS: &[(&str, &str)] = &[
    ("0.75", "0.75×"),
    ("1", "1×"),
    ("1.25", "1.25×"),
    ("1.5", "1.5×"),
    ("2", "2×"),
];

#[cfg_attr(island_article, island)]
#[cfg_attr(not(island_article), component)]
pub fn ListenControls(
    /// The article's language: the voice's language.
    language: String,
) -> impl IntoView {
    crate::contexts::island::enter();
    let state = RwSignal::new(State::Idle);
    let supported = RwSignal::new(true);
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let rate = RwSignal::new("1".to_string());
    let language = StoredValue::new(language);
    // The reading's code comes on the first press (its chunk): busy meanwhile; a chunk that
    // cannot come is said, and pressing again tries again.
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);

    // Known once the app runs; the server render keeps the controls in place (hidden until
    // then by CSS, like the other app-only controls).
    Effect::new(move || supported.set(speech_available()));
    on_cleanup(stop_speech);

    // Starts reading from block `from` at the chosen speed.
    let start = move |from: usize| {
        if busy.get_untracked() {
            return;
        }
        let speed = rate.get_untracked().parse().unwrap_or(1.0);
        let done = Callback::new(move |()| {
            state.try_set(State::Idle);
        });
        busy.set(true);
        spawn_local(async move {
            let started = read_aloud(from, speed, language.get_value(), done).await;
            failed.try_set(started.is_err());
            if started.is_ok() {
                state.try_set(State::Playing);
            }
            busy.try_set(false);
        });
    };

    let main_button = move |_| match state.get_untracked() {
        State::Idle => start(0),
        State::Playing => {
            pause_speech();
            state.set(State::Paused);
        }
        State::Paused => {
            resume_speech();
            state.set(State::Playing);
        }
    };

    let on_speed = move |ev: leptos::ev::Event| {
        rate.set(event_target_value(&ev));
        // A new speed applies from the block being read.
        if state.get_untracked() != State::Idle {
            start(speech_position());
        }
    };

    view! {
        <div class="listen" hidden=move || !supported.get() lang=lt>
            <button
                type="button"
                class="listen-toggle"
                aria-busy=move || if busy.get() { "true" } else { "false" }
                on:click=main_button
            >
                // try_get: this text also follows the interface language, which can change while
                // the article being left is disposed (its `state` gone first).
                {move || match state.try_get().unwrap_or(State::Idle) {
                    State::Idle => t().listen,
                    State::Playing => t().pause,
                    State::Paused => t().resume,
                }}
            </button>
            <button type="button" class="listen-stop" hidden=move || state.get() == State::Idle on:click=move |_| {
                stop_speech();
                state.set(State::Idle);
            }>
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
                {move || match state.try_get().unwrap_or(State::Idle) {
                    State::Idle => "",
                    State::Playing => t().reading_aloud,
                    State::Paused => t().paused,
                }}
            </span>
            <span class="listen-status" role="alert">{move || if failed.get() { t().part_failed } else { "" }}</span>
        </div>
    }
}

crate::split! {
    chunk listen, preload preload_listen, when any(island_article, not(feature = "islands"));
    /// Starts reading the article aloud from block `from` at `rate`, in `language`; `done` runs
    /// when the reading reaches the end. Its own chunk (the reading, the highlight): a page
    /// fetches it when the reader first presses Listen.
    fn read_aloud(from: usize, rate: f32, language: String, done: Callback<()>) -> Result<(), ChunkError> {
        speak_from(from, rate, &language, move || done.run(()));
        Ok(())
    }
}

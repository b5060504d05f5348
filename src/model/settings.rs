//! The reader's own settings: theme, text size, typeface, line width and line spacing.
//!
//! They are stored as JSON in local storage under [`STORAGE_KEY`] and applied as `data-*`
//! attributes on the `<html>` element ([`Settings::attributes`]), which `style/main.css` reads.
//! `index.html` applies the stored values before the first paint with a few lines of script that
//! accept only the values listed here (keep the two in step); the app then reads the same entry
//! with [`Settings::from_json`], which reports damaged or foreign data so it can be cleared.

use serde::{Deserialize, Serialize};

use super::stored::{StoredDataError, StoredKind};

/// Local storage key. A format change gets a new key.
pub const STORAGE_KEY: &str = crate::facts::SETTINGS_KEY;

/// Text size steps, as a factor of the browser's own font size (which the reader's system
/// settings already scale): the setting works on top of it.
pub const SIZE_STEPS: [u16; 7] = crate::facts::TEXT_SIZES;
/// Index of 100 % in [`SIZE_STEPS`].
pub const DEFAULT_SIZE: u8 = 1;

/// A setting with a fixed set of values, stored and applied by name.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $value:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value,)+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($value => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

choice!(
    /// Colour theme. `Auto` follows the system's light or dark setting.
    Theme { Auto => "auto", Light => "light", Dark => "dark", Sepia => "sepia" }
);
choice!(
    /// Typeface of the article text.
    Font { Serif => "serif", Sans => "sans" }
);
choice!(
    /// Longest line of article text.
    Width { Narrow => "narrow", Normal => "normal", Wide => "wide" }
);
choice!(
    /// Space between lines of article text.
    Leading { Tight => "tight", Normal => "normal", Loose => "loose" }
);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub theme: Theme,
    /// Index into [`SIZE_STEPS`].
    pub size: u8,
    pub font: Font,
    pub width: Width,
    pub leading: Leading,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::Auto,
            size: DEFAULT_SIZE,
            font: Font::Serif,
            width: Width::Normal,
            leading: Leading::Normal,
        }
    }
}

impl Settings {
    /// Reads stored settings. Anything that is not exactly a settings object of this version
    /// (bad JSON, another app's data under the key, an unknown value) is an error saying what.
    pub fn from_json(text: &str) -> Result<Settings, StoredDataError> {
        let settings: Settings = super::stored::from_json(text, StoredKind::Settings)?;
        if usize::from(settings.size) >= SIZE_STEPS.len() {
            return Err(StoredDataError::NoSizeStep { step: settings.size });
        }
        Ok(settings)
    }

    pub fn to_json(self) -> String {
        serde_json::to_string(&self).expect("settings serialize")
    }

    /// Text size as a percentage of the browser's font size.
    pub fn size_percent(self) -> u16 {
        SIZE_STEPS[usize::from(self.size).min(SIZE_STEPS.len() - 1)]
    }

    pub fn larger(self) -> Settings {
        Settings {
            size: (self.size + 1).min(SIZE_STEPS.len() as u8 - 1),
            ..self
        }
    }

    pub fn smaller(self) -> Settings {
        Settings {
            size: self.size.saturating_sub(1),
            ..self
        }
    }

    pub fn can_grow(self) -> bool {
        usize::from(self.size) + 1 < SIZE_STEPS.len()
    }

    pub fn can_shrink(self) -> bool {
        self.size > 0
    }

    /// The `data-*` attributes of `<html>` that apply these settings (see `style/main.css`).
    pub fn attributes(self) -> [(&'static str, String); 5] {
        [
            ("data-theme", self.theme.as_str().to_string()),
            ("data-size", self.size_percent().to_string()),
            ("data-font", self.font.as_str().to_string()),
            ("data-width", self.width.as_str().to_string()),
            ("data-leading", self.leading.as_str().to_string()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_defaults() {
        let s = Settings {
            theme: Theme::Sepia,
            size: 4,
            font: Font::Sans,
            width: Width::Wide,
            leading: Leading::Loose,
        };
        assert_eq!(Settings::from_json(&s.to_json()), Ok(s));
        assert_eq!(
            s.to_json(),
            r#"{"theme":"sepia","size":4,"font":"sans","width":"wide","leading":"loose"}"#
        );
        assert_eq!(Settings::default().size_percent(), 100);
    }

    #[test]
    fn damaged_or_foreign_data_is_reported() {
        for bad in [
            "",
            "{",
            "null",
            "[]",
            r#"{"theme":"neon","size":1,"font":"serif","width":"normal","leading":"normal"}"#,
            r#"{"theme":"dark","size":9,"font":"serif","width":"normal","leading":"normal"}"#,
            r#"{"theme":"dark","size":-1,"font":"serif","width":"normal","leading":"normal"}"#,
            r#"{"theme":"dark"}"#,
            r#"{"theme":"dark","size":1,"font":"serif","width":"normal","leading":"normal","evil":1}"#,
            r#"{"user":"someone else's app","token":"x"}"#,
        ] {
            let err = Settings::from_json(bad).unwrap_err();
            assert!(!err.to_string().is_empty(), "{bad}");
        }
    }

    #[test]
    fn size_steps_stop_at_the_ends() {
        let mut s = Settings::default();
        for _ in 0..20 {
            s = s.larger();
        }
        assert_eq!(s.size_percent(), 200);
        assert!(!s.can_grow());
        for _ in 0..20 {
            s = s.smaller();
        }
        assert_eq!(s.size_percent(), 88);
        assert!(!s.can_shrink());
        assert!(SIZE_STEPS.len() >= 5);
    }

    #[test]
    fn attributes_name_every_setting() {
        let attrs = Settings::default().attributes();
        assert_eq!(attrs[0], ("data-theme", "auto".to_string()));
        assert_eq!(attrs[1], ("data-size", "100".to_string()));
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), Some(*t));
        }
    }
}

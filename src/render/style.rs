//! Colour, decided once: every renderer asks a [`Paint`] and never checks the terminal itself.

use anstyle::{AnsiColor, Effects, Style};

/// What a piece of text is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Error,
    Warning,
    Help,
    Gutter,
    Heading,
    Dim,
    Good,
}

impl Role {
    fn style(self) -> Style {
        match self {
            Role::Error => AnsiColor::Red.on_default().effects(Effects::BOLD),
            Role::Warning => AnsiColor::Yellow.on_default().effects(Effects::BOLD),
            Role::Help => AnsiColor::Cyan.on_default().effects(Effects::BOLD),
            Role::Gutter => AnsiColor::Blue.on_default().effects(Effects::BOLD),
            Role::Heading => Style::new().effects(Effects::BOLD),
            Role::Dim => Style::new().effects(Effects::DIMMED),
            Role::Good => AnsiColor::Green.on_default(),
        }
    }
}

/// Paints text when colour is on, passes it through when off.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    /// `enabled` comes from `--color`, `NO_COLOR` and whether the stream is a terminal.
    #[must_use]
    pub fn new(enabled: bool) -> Self {
        Paint { enabled }
    }

    /// Whether colour is on.
    #[must_use]
    pub fn enabled(self) -> bool {
        self.enabled
    }

    /// `text` in the colour of `role`.
    #[must_use]
    pub fn paint(self, role: Role, text: &str) -> String {
        if self.enabled {
            let style = role.style();
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }
}

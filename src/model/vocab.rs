//! One name table per enum. [`vocabulary!`] declares the enum and its
//! names once; from that table come parsing (exact for the files, any case
//! for what users type), display, JSON, clap's `ValueEnum` (so the
//! completions and the help list the same names), the interactive labels,
//! and the "unknown X, did you mean Y?" error.

/// Declares a vocabulary enum: `Variant => "name", "label for people"`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        enum $T:ident ($what:literal, $plural:literal) {
            $( $(#[$vmeta:meta])* $V:ident => $name:literal, $label:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum $T {
            $( $(#[$vmeta])* $V, )*
        }

        impl $T {
            /// Every value, in the table's order.
            pub(crate) const ALL: &'static [$T] = &[$($T::$V,)*];

            /// The name files, JSON and the command line use.
            pub(crate) fn as_str(self) -> &'static str {
                match self { $($T::$V => $name,)* }
            }

            /// A few words for people: the interactive menus, completions.
            #[allow(dead_code)]
            pub(crate) fn label(self) -> &'static str {
                match self { $($T::$V => $label,)* }
            }

            /// The value a file's cell names, exactly as written there.
            /// Written out name by name: each comparison is then with a
            /// constant, which compiles to a few loads (the log reader asks
            /// this of every row).
            #[allow(dead_code)]
            pub(crate) fn from_bytes(bytes: &[u8]) -> Option<$T> {
                $(
                    if bytes == $name.as_bytes() {
                        return Some($T::$V);
                    }
                )*
                None
            }

            /// The value a user typed; case and blanks do not matter.
            #[allow(dead_code)]
            pub(crate) fn parse(text: &str) -> Option<$T> {
                let text = text.trim();
                $T::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(text))
            }

            /// Like [`Self::parse`], or the usage error that suggests the
            /// closest name.
            #[allow(dead_code)]
            pub(crate) fn parse_typed(text: &str) -> crate::error::Result<$T> {
                $T::parse(text).ok_or_else(|| {
                    let names: Vec<&str> = $T::names().collect();
                    crate::model::lookup::Lookup {
                        what: $what,
                        plural: $plural,
                        by: crate::model::lookup::By::Name,
                    }
                    .unknown(text, &names)
                })
            }

            /// Every name, in the table's order.
            pub(crate) fn names() -> impl Iterator<Item = &'static str> {
                $T::ALL.iter().map(|v| v.as_str())
            }
        }

        /// The first in the table: the blank a reader decodes a row into.
        impl Default for $T {
            fn default() -> Self {
                $T::ALL[0]
            }
        }

        impl std::fmt::Display for $T {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $T {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl clap::ValueEnum for $T {
            fn value_variants<'a>() -> &'a [Self] {
                $T::ALL
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.as_str()))
            }
        }
    };
}

pub(crate) use vocabulary;

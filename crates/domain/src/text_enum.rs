//! Enums stored as text: one list of `Variant = "code"` gives the enum, its codes and its
//! parser, so the codes are written exactly once.

/// What every enum declared with [`text_enum!`](crate::text_enum!) offers, for code that
/// handles such enums generically (storage, schema checks).
pub trait TextEnum: Copy + Eq + std::fmt::Debug + 'static {
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    /// The stable code.
    fn code(self) -> &'static str;
    /// The value with this code, if any.
    fn from_code(code: &str) -> Option<Self>;
}

/// Declares an enum stored as text.
///
/// ```
/// linli_domain::text_enum! {
///     /// Doc comments and attributes on the enum and its variants are kept.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Colour {
///         /// 红
///         Red = "red",
///         DarkBlue = "dark_blue",
///     }
/// }
/// assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
/// assert_eq!(Colour::DarkBlue.as_str(), "dark_blue");
/// assert_eq!(Colour::parse("red"), Some(Colour::Red));
/// assert_eq!(Colour::parse("Red"), None);
/// assert_eq!(Colour::Red.to_string(), "red");
/// ```
///
/// Generates `ALL` (an array, in declaration order), `const fn as_str`, `parse` (exact
/// codes only), `Display` (the code) and [`TextEnum`]. The derives are the caller's; an enum
/// deriving serde must use renames that produce the same codes (tests check it).
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [Self; [$($code),+].len()] = [$(Self::$variant),+];

            /// The stable code (stored and sent as JSON).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// Parses the stable code.
            pub fn parse(code: &str) -> ::core::option::Option<Self> {
                match code {
                    $($code => ::core::option::Option::Some(Self::$variant),)+
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::text_enum::TextEnum for $name {
            fn all() -> &'static [Self] {
                &Self::ALL
            }

            fn code(self) -> &'static str {
                self.as_str()
            }

            fn from_code(code: &str) -> ::core::option::Option<Self> {
                Self::parse(code)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::TextEnum;

    crate::text_enum! {
        /// A test enum.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Probe {
            /// first
            One = "one",
            TwoWords = "two_words",
        }
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(Probe::ALL, [Probe::One, Probe::TwoWords]);
        for p in Probe::ALL {
            assert_eq!(Probe::parse(p.as_str()), Some(p));
            assert_eq!(p.to_string(), p.as_str());
        }
        assert_eq!(Probe::parse("two words"), None);
        assert_eq!(Probe::parse(""), None);
        assert_eq!(<Probe as TextEnum>::all(), &Probe::ALL);
        assert_eq!(Probe::from_code("one").map(Probe::code), Some("one"));
    }
}

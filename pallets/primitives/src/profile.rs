//! What an Ailock says about itself: skill and domain tags, languages, weekly availability.
//! The registry validates these, and matching compares them, byte for byte — so tags are
//! normalised once, here, by everyone.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::BoundedVec;

/// Longest skill or domain tag.
pub const MAX_TAG_LENGTH: u32 = 32;

/// A normalised tag: 1 to 32 of `a-z`, `0-9` and single inner `-`, such as `translation` or
/// `german-automotive`.
pub type Tag = BoundedVec<u8, sp_core::ConstU32<MAX_TAG_LENGTH>>;

/// Why text is not a tag or a language code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileError {
	/// Empty after normalising, or longer than [`MAX_TAG_LENGTH`].
	TagLength,
	/// A character other than letters, digits, spaces, `-` and `_`.
	TagCharacter,
	/// Not two lower-case letters (ISO 639-1).
	LanguageCode,
}

impl core::fmt::Display for ProfileError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			ProfileError::TagLength => "a tag has 1 to 32 characters",
			ProfileError::TagCharacter => "a tag uses letters, digits and single dashes",
			ProfileError::LanguageCode => "a language is an ISO 639-1 code such as `de`",
		})
	}
}

impl core::error::Error for ProfileError {}

/// Whether `bytes` already is a normalised tag (what the runtime accepts).
pub fn is_normalised_tag(bytes: &[u8]) -> bool {
	!bytes.is_empty()
		&& bytes.len() <= MAX_TAG_LENGTH as usize
		&& bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
		&& bytes.first() != Some(&b'-')
		&& bytes.last() != Some(&b'-')
		&& !bytes.windows(2).any(|w| w == b"--")
}

/// Whether a short list repeats an item (profile and intent lists are bounded to a few dozen
/// entries, so the quadratic scan is cheaper than sorting a copy).
pub fn has_duplicates<X: PartialEq>(items: &[X]) -> bool {
	items.iter().enumerate().any(|(i, x)| items.iter().skip(i + 1).any(|y| x == y))
}

/// Normalises free text to a tag: lower case, spaces and `_` become `-`, runs of `-` collapse,
/// leading and trailing `-` go (`"German Automotive"` → `german-automotive`).
pub fn normalise_tag(text: &str) -> Result<Tag, ProfileError> {
	let mut out = alloc::vec::Vec::with_capacity(text.len());
	for c in text.trim().chars() {
		let b = match c {
			'a'..='z' | '0'..='9' => c as u8,
			'A'..='Z' => c.to_ascii_lowercase() as u8,
			' ' | '-' | '_' => b'-',
			_ => return Err(ProfileError::TagCharacter),
		};
		if !(b == b'-' && matches!(out.last(), Some(b'-') | None)) {
			out.push(b);
		}
	}
	while out.last() == Some(&b'-') {
		out.pop();
	}
	if out.is_empty() {
		return Err(ProfileError::TagLength);
	}
	Tag::try_from(out).map_err(|_| ProfileError::TagLength)
}

/// An ISO 639-1 language code, lower case (`de`, `en`, `ja`).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct LanguageCode(pub [u8; 2]);

impl LanguageCode {
	/// Whether the code is two lower-case ASCII letters.
	pub fn is_valid(&self) -> bool {
		self.0.iter().all(u8::is_ascii_lowercase)
	}

	/// Parses `de`, `DE` or `De`.
	pub fn parse(text: &str) -> Result<Self, ProfileError> {
		let bytes: [u8; 2] = text.as_bytes().try_into().map_err(|_| ProfileError::LanguageCode)?;
		let code = LanguageCode(bytes.map(|b| b.to_ascii_lowercase()));
		if code.is_valid() {
			Ok(code)
		} else {
			Err(ProfileError::LanguageCode)
		}
	}
}

/// Hours in a week.
pub const HOURS_PER_WEEK: u32 = 168;

/// When an Ailock takes work: one bit per hour of the week (Monday 00:00 first) in its owner's
/// time zone.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct WeeklyAvailability(pub [u8; 21]);

impl WeeklyAvailability {
	/// Available every hour.
	pub const ALWAYS: WeeklyAvailability = WeeklyAvailability([0xff; 21]);

	/// Whether hour `hour` of the week (0 = Monday 00:00–01:00) is available.
	pub fn is_available(&self, hour: u32) -> bool {
		let hour = hour % HOURS_PER_WEEK;
		self.0.get((hour / 8) as usize).is_some_and(|byte| byte & (1 << (hour % 8)) != 0)
	}

	/// Marks hour `hour` of the week available.
	pub fn set(&mut self, hour: u32) {
		let hour = hour % HOURS_PER_WEEK;
		if let Some(byte) = self.0.get_mut((hour / 8) as usize) {
			*byte |= 1 << (hour % 8);
		}
	}

	/// Available hours per week.
	pub fn hours(&self) -> u32 {
		self.0.iter().map(|b| b.count_ones()).sum()
	}

	/// Builds from daily windows: `days` (bit 0 = Monday) each from `start` to `end` o'clock.
	pub fn daily(days: u8, start: u8, end: u8) -> Self {
		let mut week = WeeklyAvailability([0; 21]);
		for day in 0..7u32 {
			if days & (1 << day) != 0 {
				for hour in u32::from(start)..u32::from(end.min(24)) {
					week.set(day * 24 + hour);
				}
			}
		}
		week
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn normalises_free_text() {
		assert_eq!(normalise_tag("German Automotive").unwrap().as_slice(), b"german-automotive");
		assert_eq!(normalise_tag("  tech__writing- ").unwrap().as_slice(), b"tech-writing");
		assert_eq!(normalise_tag("---"), Err(ProfileError::TagLength));
		assert_eq!(normalise_tag("c++"), Err(ProfileError::TagCharacter));
		assert_eq!(normalise_tag(&"a".repeat(33)), Err(ProfileError::TagLength));
		assert!(is_normalised_tag(b"translation"));
		assert!(!is_normalised_tag(b"Translation"));
		assert!(!is_normalised_tag(b"-x"));
		assert!(!is_normalised_tag(b"a--b"));
		assert!(!is_normalised_tag(b""));
	}

	#[test]
	fn languages() {
		assert_eq!(LanguageCode::parse("DE"), Ok(LanguageCode(*b"de")));
		assert_eq!(LanguageCode::parse("deu"), Err(ProfileError::LanguageCode));
		assert_eq!(LanguageCode::parse("d1"), Err(ProfileError::LanguageCode));
		assert!(!LanguageCode(*b"DE").is_valid());
	}

	#[test]
	fn weekly_windows() {
		// Monday to Friday, 9 to 17.
		let week = WeeklyAvailability::daily(0b0001_1111, 9, 17);
		assert_eq!(week.hours(), 40);
		assert!(week.is_available(9));
		assert!(!week.is_available(17));
		assert!(!week.is_available(5 * 24 + 10));
		assert_eq!(WeeklyAvailability::ALWAYS.hours(), 168);
	}

	proptest! {
		#[test]
		fn normalised_tags_are_accepted_and_stable(text in "[A-Za-z0-9 _-]{0,40}") {
			if let Ok(tag) = normalise_tag(&text) {
				prop_assert!(is_normalised_tag(&tag));
				let again = normalise_tag(core::str::from_utf8(&tag).unwrap()).unwrap();
				prop_assert_eq!(again, tag);
			}
		}
	}
}

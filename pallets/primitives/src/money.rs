//! The native token `AIL`: constants and exact conversions between human decimal strings
//! ("1.5") and the on-chain integer amount. No floating point anywhere, so a wallet, the CLI and
//! the runtime agree to the last unit.

use crate::Balance;

/// Ticker of the native token.
pub const TOKEN_SYMBOL: &str = "AIL";
/// Decimal places of the native token.
pub const TOKEN_DECIMALS: u8 = 12;
/// One whole AIL in the smallest unit.
pub const AIL: Balance = 1_000_000_000_000;
/// One thousandth of an AIL.
pub const MILLI_AIL: Balance = AIL / 1_000;
/// One millionth of an AIL.
pub const MICRO_AIL: Balance = AIL / 1_000_000;

/// Why a decimal amount could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
	/// The text is empty or has no digits.
	Empty,
	/// A character other than the digits and one decimal point.
	InvalidCharacter,
	/// More fractional digits than the token has decimals; the amount would be rounded.
	TooManyDecimals,
	/// The amount does not fit in a [`Balance`].
	Overflow,
}

impl core::fmt::Display for AmountError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			AmountError::Empty => "the amount is empty",
			AmountError::InvalidCharacter => {
				"the amount may contain only digits and one decimal point"
			},
			AmountError::TooManyDecimals => "AIL has at most 12 decimal places",
			AmountError::Overflow => "the amount is too large",
		})
	}
}

impl core::error::Error for AmountError {}

/// Reads a human amount of AIL such as `"1.5"`, `"0.000000000001"` or `"2"` into the smallest
/// unit, exactly. Rejects rather than rounds anything that cannot be represented.
pub fn parse_amount(text: &str) -> Result<Balance, AmountError> {
	let text = text.trim();
	let (whole, fraction) = match text.split_once('.') {
		Some((whole, fraction)) => (whole, fraction),
		None => (text, ""),
	};
	if whole.is_empty() && fraction.is_empty() {
		return Err(AmountError::Empty);
	}
	if !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
		return Err(AmountError::InvalidCharacter);
	}
	if fraction.len() > usize::from(TOKEN_DECIMALS) {
		return Err(AmountError::TooManyDecimals);
	}
	let mut units: Balance = 0;
	for digit in whole.bytes() {
		units = units
			.checked_mul(10)
			.and_then(|u| u.checked_add(Balance::from(digit - b'0')))
			.ok_or(AmountError::Overflow)?;
	}
	units = units.checked_mul(AIL).ok_or(AmountError::Overflow)?;
	let mut fractional: Balance = 0;
	for digit in fraction.bytes() {
		fractional = fractional * 10 + Balance::from(digit - b'0');
	}
	let missing = u32::from(TOKEN_DECIMALS) - fraction.len() as u32;
	fractional *= 10u128.pow(missing);
	units.checked_add(fractional).ok_or(AmountError::Overflow)
}

/// Writes an amount in the smallest unit as a human decimal, without trailing zeros:
/// `1_500_000_000_000` becomes `"1.5"`. Exact for every value; `parse_amount` reads it back.
pub fn format_amount(units: Balance) -> alloc::string::String {
	let whole = units / AIL;
	let fraction = units % AIL;
	if fraction == 0 {
		return alloc::format!("{whole}");
	}
	let digits = alloc::format!("{fraction:012}");
	alloc::format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn parses_human_amounts() {
		assert_eq!(parse_amount("1.5"), Ok(1_500_000_000_000));
		assert_eq!(parse_amount("2"), Ok(2 * AIL));
		assert_eq!(parse_amount(".25"), Ok(AIL / 4));
		assert_eq!(parse_amount("3."), Ok(3 * AIL));
		assert_eq!(parse_amount("0.000000000001"), Ok(1));
		assert_eq!(parse_amount(" 7 "), Ok(7 * AIL));
	}

	#[test]
	fn rejects_what_it_cannot_represent() {
		assert_eq!(parse_amount(""), Err(AmountError::Empty));
		assert_eq!(parse_amount("."), Err(AmountError::Empty));
		assert_eq!(parse_amount("1,5"), Err(AmountError::InvalidCharacter));
		assert_eq!(parse_amount("-1"), Err(AmountError::InvalidCharacter));
		assert_eq!(parse_amount("1.2.3"), Err(AmountError::InvalidCharacter));
		assert_eq!(parse_amount("0.0000000000001"), Err(AmountError::TooManyDecimals));
		assert_eq!(parse_amount("340282366920938463463374608"), Err(AmountError::Overflow));
	}

	#[test]
	fn formats_without_trailing_zeros() {
		assert_eq!(format_amount(0), "0");
		assert_eq!(format_amount(1_500_000_000_000), "1.5");
		assert_eq!(format_amount(1), "0.000000000001");
		assert_eq!(format_amount(Balance::MAX), "340282366920938463463374607.431768211455");
	}

	proptest! {
		#[test]
		fn format_then_parse_is_identity(units in any::<Balance>()) {
			prop_assert_eq!(parse_amount(&format_amount(units)), Ok(units));
		}
	}
}

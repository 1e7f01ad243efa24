//! Decoded chain values as a person reads them and as scripts read them: text fields as text,
//! amounts in AIL, keys and hashes as hex, accounts as SS58, percentages as percentages.
//!
//! The rules come from the types in the metadata, not from field names a pallet might change:
//! `AccountId32` is an address; a `u128` whose declared type names a balance (`BalanceOf<T>`,
//! `T::Balance`) is an amount; a byte sequence is text when it is printable UTF-8 and hex
//! otherwise; a byte array of 16 bytes or more (keys, hashes) is always hex; `Perbill` is a
//! percentage; `Option` is its value or nothing.

use crate::format_amount;
use scale_info::{form::PortableForm, TypeDef, TypeDefPrimitive};
use serde_json::{json, Map, Value as Json};
use subxt::{
	ext::scale_value::{Composite, Primitive, Value, ValueDef},
	utils::AccountId32,
	Metadata,
};

/// Byte arrays at least this long are keys or hashes: always hex.
const KEY_ARRAY_LENGTH: u32 = 16;

/// A decoded value in both readings.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
	/// For people: `{ ailock: 5Grw…, name: "Munich translator", deposit: 0.5138 AIL }`.
	pub text: String,
	/// For scripts: the same fields under the metadata's names; amounts as AIL strings.
	pub json: Json,
}

impl Rendered {
	fn both(text: String) -> Self {
		Rendered { json: Json::String(text.clone()), text }
	}
}

/// Renders `value`, decoded as the metadata type its context names; `type_name` is the
/// declared type of the field holding it (the metadata's `typeName`), which tells amounts.
pub fn render(value: &Value<u32>, type_name: Option<&str>, metadata: &Metadata) -> Rendered {
	let types = metadata.types();
	let Some(ty) = types.resolve(value.context) else {
		return Rendered::both(value.to_string());
	};
	let ident = ty.path.ident();
	match ident.as_deref() {
		Some("AccountId32") => {
			if let Ok(raw) = <[u8; 32]>::try_from(leaf_bytes(value).as_slice()) {
				return Rendered::both(AccountId32(raw).to_string());
			}
		},
		Some("Perbill") => {
			if let Some(parts) = single_number(value) {
				// A billionth is 10⁻⁷ percent.
				let whole = parts / 10_000_000;
				let fraction = format!("{:07}", parts % 10_000_000);
				let fraction = fraction.trim_end_matches('0');
				let text = if fraction.is_empty() {
					format!("{whole} %")
				} else {
					format!("{whole}.{fraction} %")
				};
				return Rendered { text, json: json!(parts) };
			}
		},
		Some("Option") => {
			if let ValueDef::Variant(variant) = &value.value {
				return match variant.values.values().next() {
					Some(inner) if variant.name == "Some" => render(inner, type_name, metadata),
					_ => Rendered { text: "none".into(), json: Json::Null },
				};
			}
		},
		_ => {},
	}
	if let Some(bytes) = byte_string(value.context, value, metadata) {
		return Rendered::both(bytes);
	}
	match &value.value {
		ValueDef::Primitive(Primitive::U128(n)) if names_a_balance(type_name) => {
			Rendered { text: format!("{} AIL", format_amount(*n)), json: json!(format_amount(*n)) }
		},
		ValueDef::Primitive(Primitive::U128(n)) => Rendered {
			text: n.to_string(),
			json: u64::try_from(*n).map(Json::from).unwrap_or_else(|_| json!(n.to_string())),
		},
		ValueDef::Primitive(Primitive::Bool(b)) => Rendered { text: b.to_string(), json: json!(b) },
		ValueDef::Composite(composite) => render_composite(composite, &ty.type_def, metadata),
		ValueDef::Variant(variant) => {
			let fields = variant_field_names(&ty.type_def, &variant.name);
			if variant.values.is_empty() {
				return Rendered::both(variant.name.clone());
			}
			let inner = render_composite_with(&variant.values, &fields, metadata);
			// `Sr25519(key)` carries its one value, not a list of one.
			let json = match (&variant.values, inner.json) {
				(Composite::Unnamed(values), Json::Array(mut list)) if values.len() == 1 => {
					list.pop().unwrap_or(Json::Null)
				},
				(_, json) => json,
			};
			Rendered {
				text: format!("{}{}", variant.name, inner.text),
				json: json!({ variant.name.clone(): json }),
			}
		},
		_ => Rendered::both(value.to_string()),
	}
}

/// An event's or a call's fields, named as the metadata names them.
pub fn render_fields(
	fields: &[(Option<String>, Option<String>, Value<u32>)],
	metadata: &Metadata,
) -> Rendered {
	let mut texts = Vec::new();
	let mut object = Map::new();
	let mut list = Vec::new();
	for (name, type_name, value) in fields {
		let rendered = render(value, type_name.as_deref(), metadata);
		match name {
			Some(name) => {
				texts.push(format!("{name}: {}", rendered.text));
				object.insert(name.clone(), rendered.json);
			},
			None => {
				texts.push(rendered.text);
				list.push(rendered.json);
			},
		}
	}
	let text = if texts.is_empty() { String::new() } else { format!("{{ {} }}", texts.join(", ")) };
	let json = if list.is_empty() { Json::Object(object) } else { Json::Array(list) };
	Rendered { text, json }
}

fn render_composite(
	composite: &Composite<u32>,
	def: &TypeDef<PortableForm>,
	metadata: &Metadata,
) -> Rendered {
	match def {
		TypeDef::Composite(c) => {
			let fields: Vec<Option<String>> =
				c.fields.iter().map(|f| f.type_name.clone()).collect();
			// A newtype (`GeoCell(BoundedVec<u8>)`, `Tag(..)`) reads as what it wraps.
			if let (Composite::Unnamed(values), 1) = (composite, c.fields.len()) {
				if let [only] = values.as_slice() {
					return render(only, fields.first().cloned().flatten().as_deref(), metadata);
				}
			}
			render_composite_with(composite, &fields, metadata)
		},
		TypeDef::Sequence(_) | TypeDef::Array(_) => {
			let rendered: Vec<Rendered> =
				composite.values().map(|v| render(v, None, metadata)).collect();
			Rendered {
				text: format!(
					"[{}]",
					rendered.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(", ")
				),
				json: Json::Array(rendered.into_iter().map(|r| r.json).collect()),
			}
		},
		_ => render_composite_with(composite, &[], metadata),
	}
}

fn render_composite_with(
	composite: &Composite<u32>,
	type_names: &[Option<String>],
	metadata: &Metadata,
) -> Rendered {
	let type_name = |i: usize| type_names.get(i).cloned().flatten();
	match composite {
		Composite::Named(fields) => {
			let named: Vec<_> = fields
				.iter()
				.enumerate()
				.map(|(i, (name, value))| (Some(name.clone()), type_name(i), value.clone()))
				.collect();
			render_fields(&named, metadata)
		},
		Composite::Unnamed(values) => {
			let rendered: Vec<Rendered> = values
				.iter()
				.enumerate()
				.map(|(i, v)| render(v, type_name(i).as_deref(), metadata))
				.collect();
			Rendered {
				text: format!(
					"({})",
					rendered.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(", ")
				),
				json: Json::Array(rendered.into_iter().map(|r| r.json).collect()),
			}
		},
	}
}

/// The declared field types of variant `name`, in order.
fn variant_field_names(def: &TypeDef<PortableForm>, name: &str) -> Vec<Option<String>> {
	match def {
		TypeDef::Variant(v) => v
			.variants
			.iter()
			.find(|variant| variant.name == name)
			.map(|variant| variant.fields.iter().map(|f| f.type_name.clone()).collect())
			.unwrap_or_default(),
		_ => Vec::new(),
	}
}

/// Whether a declared type names a balance (`BalanceOf<T>`, `T::Balance`, `Balance`).
fn names_a_balance(type_name: Option<&str>) -> bool {
	type_name.is_some_and(|name| name.contains("Balance"))
}

/// Text or hex for a byte sequence or array (through newtypes and bounded vectors).
fn byte_string(ty: u32, value: &Value<u32>, metadata: &Metadata) -> Option<String> {
	let types = metadata.types();
	let resolved = types.resolve(ty)?;
	let (is_bytes, always_hex) = match &resolved.type_def {
		TypeDef::Sequence(seq) => (is_u8(seq.type_param.id, metadata), false),
		TypeDef::Array(array) => {
			(is_u8(array.type_param.id, metadata), array.len >= KEY_ARRAY_LENGTH)
		},
		TypeDef::Composite(c) if c.fields.len() == 1 => {
			let inner = c.fields.first()?.ty.id;
			let ValueDef::Composite(Composite::Unnamed(values)) = &value.value else {
				return None;
			};
			// A bounded vector's value is its sequence; a newtype's is its one field.
			return match values.as_slice() {
				[only] => byte_string(inner, only, metadata),
				_ => byte_string(inner, value, metadata),
			};
		},
		_ => (false, false),
	};
	if !is_bytes {
		return None;
	}
	let bytes = leaf_bytes(value);
	match core::str::from_utf8(&bytes) {
		Ok(text) if !always_hex && !text.chars().any(char::is_control) => Some(format!("{text:?}")),
		_ => Some(format!("0x{}", hex::encode(&bytes))),
	}
}

fn is_u8(ty: u32, metadata: &Metadata) -> bool {
	matches!(
		metadata.types().resolve(ty).map(|t| &t.type_def),
		Some(TypeDef::Primitive(TypeDefPrimitive::U8))
	)
}

/// The number inside a newtype such as `Perbill(u32)`.
fn single_number(value: &Value<u32>) -> Option<u128> {
	match &value.value {
		ValueDef::Primitive(Primitive::U128(n)) => Some(*n),
		ValueDef::Composite(c) => c.values().next().and_then(single_number),
		_ => None,
	}
}

/// Every byte leaf of a value, in order.
fn leaf_bytes(value: &Value<u32>) -> Vec<u8> {
	match &value.value {
		ValueDef::Primitive(Primitive::U128(n)) => {
			u8::try_from(*n).map(|b| vec![b]).unwrap_or_default()
		},
		ValueDef::Composite(composite) => composite.values().flat_map(leaf_bytes).collect(),
		_ => Vec::new(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use ailock_primitives::did::VerificationRelationship;
	use codec::Encode;

	fn metadata() -> Metadata {
		let bytes = include_bytes!("../metadata/ailock.scale");
		Metadata::decode_from(bytes).expect("the checked-in metadata decodes")
	}

	/// Decodes `bytes` as the fields of event `pallet.event` and renders them.
	fn event(pallet: &str, event: &str, bytes: &[u8]) -> Rendered {
		let metadata = metadata();
		let variant = metadata
			.pallet_by_name(pallet)
			.and_then(|p| p.event_variants()?.iter().find(|v| v.name == event))
			.expect("the event exists")
			.clone();
		let mut input = bytes;
		let fields: Vec<_> = variant
			.fields
			.iter()
			.map(|field| {
				let value = subxt::ext::scale_value::scale::decode_as_type(
					&mut input,
					field.ty.id,
					metadata.types(),
				)
				.expect("the field decodes");
				(field.name.clone(), field.type_name.clone(), value)
			})
			.collect();
		assert!(input.is_empty(), "every byte belongs to a field");
		render_fields(&fields, &metadata)
	}

	#[test]
	fn accounts_read_as_ss58_and_balances_as_ail() {
		let (ailock, account) = (AccountId32([1; 32]), AccountId32([2; 32]));
		let bytes = (ailock.0, account.0, 10_000_000_000u128).encode();
		let rendered = event("Ailocks", "TrustedAdded", &bytes);
		assert_eq!(
			rendered.text,
			format!("{{ ailock: {ailock}, account: {account}, deposit: 0.01 AIL }}")
		);
		assert_eq!(
			rendered.json,
			json!({ "ailock": ailock.to_string(), "account": account.to_string(), "deposit": "0.01" })
		);
	}

	#[test]
	fn keys_read_as_hex_and_enums_by_name() {
		// `DidPublicKey::Sr25519` is the enum's first variant.
		let key = (0u8, [7u8; 32]);
		let bytes =
			([1u8; 32], 3u32, key, VerificationRelationship::Authentication, 5u128).encode();
		let rendered = event("Did", "KeyAdded", &bytes);
		let did = AccountId32([1; 32]);
		assert_eq!(
			rendered.text,
			format!(
				"{{ did: {did}, key_id: 3, key: Sr25519(0x{}), relationship: Authentication, \
				 deposit: 0.000000000005 AIL }}",
				"07".repeat(32)
			)
		);
		assert_eq!(rendered.json["key"], json!({ "Sr25519": format!("0x{}", "07".repeat(32)) }));
	}

	#[test]
	fn text_reads_as_text_and_other_bytes_as_hex() {
		let service = (b"card".to_vec(), b"A2AAgentCard".to_vec(), b"https://x.example".to_vec());
		let bytes = ([1u8; 32], service, 0u128).encode();
		let rendered = event("Did", "ServiceAdded", &bytes);
		assert!(
			rendered.text.contains(
				r#"service: { id: "card", service_type: "A2AAgentCard", url: "https://x.example" }"#
			),
			"{}",
			rendered.text
		);
		assert_eq!(rendered.json["service"]["url"], json!("\"https://x.example\""));

		let binary =
			([1u8; 32], (vec![0xffu8, 0x00], b"T".to_vec(), b"u".to_vec()), 0u128).encode();
		let rendered = event("Did", "ServiceAdded", &binary);
		assert!(rendered.text.contains("id: 0xff00"), "{}", rendered.text);
	}

	#[test]
	fn lists_stay_lists_and_perbills_read_as_percentages() {
		let (intent, matcher, ailock) = (7u64, AccountId32([3; 32]), AccountId32([4; 32]));
		let bytes = (intent, matcher.0, vec![(ailock.0, 955_000_000u32)]).encode();
		let rendered = event("Intents", "MatchesSubmitted", &bytes);
		assert_eq!(
			rendered.text,
			format!("{{ intent: 7, matcher: {matcher}, matches: [({ailock}, 95.5 %)] }}")
		);
		assert_eq!(rendered.json["matches"], json!([[ailock.to_string(), 955_000_000u32]]));
	}
}

//! Errors as a user should see them: every dispatch error decoded from the chain's own metadata
//! to `Pallet.Error` plus its documentation, e.g.
//! `Token.FundsUnavailable: Funds are unavailable.` or
//! `Balances.InsufficientBalance: Balance too low to send value.`

use scale_info::{form::PortableForm, TypeDef, Variant};
use subxt::{
	ext::scale_value::{self, Composite, Primitive, Value, ValueDef},
	Metadata,
};

/// A dispatch error decoded against the metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedError {
	/// The pallet for module errors; otherwise the `DispatchError` variant (`Token`,
	/// `Arithmetic`, `Transactional`, …) or `DispatchError` itself for unit variants.
	pub pallet: String,
	/// The error's name (`FundsUnavailable`, `InsufficientBalance`, `BadOrigin`, …).
	pub name: String,
	/// The error's documentation from the metadata.
	pub docs: String,
}

impl DecodedError {
	/// `Pallet.Error`.
	pub fn code(&self) -> String {
		format!("{}.{}", self.pallet, self.name)
	}
}

impl std::fmt::Display for DecodedError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		if self.docs.is_empty() {
			write!(f, "{}", self.code())
		} else {
			write!(f, "{}: {}", self.code(), self.docs)
		}
	}
}

/// Why a transaction did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum TxError {
	/// The dry run shows the call would fail; nothing was submitted.
	#[error("{0} (dry run; nothing was submitted)")]
	WouldFail(DecodedError),
	/// The transaction is invalid (cannot pay fees, bad nonce, …); nothing was submitted or the
	/// pool rejected it.
	#[error("invalid transaction: {0}")]
	Invalid(String),
	/// The transaction was included (fees were paid) but its call failed.
	#[error("{error} (in block #{} {:?}, fee {} AIL)", .receipt.block_number, .receipt.block_hash, ailock_primitives::money::format_amount(.receipt.fee))]
	Failed {
		/// What failed.
		error: DecodedError,
		/// Where it was included and what it cost.
		receipt: Box<crate::TxReceipt>,
	},
	/// The pool dropped the transaction or the node reported an error while watching it.
	#[error("transaction not included: {0}")]
	Dropped(String),
	/// Talking to the node failed.
	#[error(transparent)]
	Client(Box<subxt::Error>),
	/// Anything else (decoding, unexpected answers).
	#[error("{0}")]
	Other(String),
}

/// Turns any subxt error into [`TxError::Client`] with `.or_client()?`.
pub(crate) trait OrClient<T> {
	fn or_client(self) -> Result<T, TxError>;
}

impl<T, E: Into<subxt::Error>> OrClient<T> for Result<T, E> {
	fn or_client(self) -> Result<T, TxError> {
		self.map_err(|error| TxError::from(error.into()))
	}
}

impl From<subxt::Error> for TxError {
	fn from(error: subxt::Error) -> Self {
		TxError::Client(Box::new(error))
	}
}

/// Describes a value of a nested enum type (such as `TransactionValidityError`) by the path
/// of its variants and the innermost variant's docs, e.g.
/// `Invalid.Payment: Inability to pay some fees (e.g. account balance too low).`
pub fn describe_enum_value(metadata: &Metadata, ty: u32, value: &Value<u32>) -> String {
	let mut path = Vec::new();
	let mut docs = String::new();
	let (mut ty, mut value) = (ty, value);
	while let ValueDef::Variant(variant) = &value.value {
		path.push(variant.name.clone());
		let Some(def) = variant_of(metadata, ty, &variant.name) else { break };
		docs = docs_of(def);
		match (def.fields.first(), variant.values.values().next()) {
			(Some(field), Some(inner)) if def.fields.len() == 1 => {
				ty = field.ty.id;
				value = inner;
			},
			_ => break,
		}
	}
	if path.is_empty() {
		return value.to_string();
	}
	if docs.is_empty() {
		path.join(".")
	} else {
		format!("{}: {docs}", path.join("."))
	}
}

/// Decodes a SCALE-encoded `sp_runtime::DispatchError` (consuming exactly its bytes).
pub fn decode_dispatch_error(
	bytes: &mut &[u8],
	metadata: &Metadata,
) -> Result<DecodedError, String> {
	let types = metadata.types();
	let ty = metadata.dispatch_error_ty().ok_or("the metadata has no DispatchError type")?;
	let value = scale_value::scale::decode_as_type(bytes, ty, types)
		.map_err(|e| format!("cannot decode DispatchError: {e}"))?;
	let ValueDef::Variant(outer) = value.value else {
		return Err(format!("DispatchError is not an enum: {value}"));
	};
	let outer_variant = variant_of(metadata, ty, &outer.name);

	if outer.name == "Module" {
		let (pallet_index, error_index) = module_indices(&outer.values)
			.ok_or_else(|| format!("malformed module error: {}", outer.values))?;
		let pallet = metadata
			.pallet_by_error_index(pallet_index)
			.ok_or_else(|| format!("no pallet with error index {pallet_index}"))?;
		let variant = pallet.error_variant_by_index(error_index).ok_or_else(|| {
			format!("pallet {} has no error with index {error_index}", pallet.name())
		})?;
		return Ok(DecodedError {
			pallet: pallet.name().to_string(),
			name: variant.name.clone(),
			docs: docs_of(variant),
		});
	}

	// `Token(FundsUnavailable)`, `Arithmetic(Overflow)`, …: name and docs of the inner enum.
	if let Some(Value { value: ValueDef::Variant(inner), .. }) = outer.values.values().next() {
		let inner_docs = outer_variant
			.and_then(|v| v.fields.first())
			.and_then(|field| variant_of(metadata, field.ty.id, &inner.name))
			.map(docs_of)
			.unwrap_or_default();
		return Ok(DecodedError {
			pallet: outer.name.clone(),
			name: inner.name.clone(),
			docs: inner_docs,
		});
	}

	Ok(DecodedError {
		pallet: "DispatchError".into(),
		name: outer.name.clone(),
		docs: outer_variant.map(docs_of).unwrap_or_default(),
	})
}

fn variant_of<'a>(
	metadata: &'a Metadata,
	ty: u32,
	name: &str,
) -> Option<&'a Variant<PortableForm>> {
	match &metadata.types().resolve(ty)?.type_def {
		TypeDef::Variant(def) => def.variants.iter().find(|v| v.name == name),
		_ => None,
	}
}

fn docs_of(variant: &Variant<PortableForm>) -> String {
	variant.docs.iter().map(|line| line.trim()).collect::<Vec<_>>().join(" ").trim().to_string()
}

/// `(pallet index, error index)` of `ModuleError { index: u8, error: [u8; 4] }`.
fn module_indices<T>(fields: &Composite<T>) -> Option<(u8, u8)> {
	let mut values = fields.values();
	let module = values.next()?;
	let (index, error) = match &module.value {
		ValueDef::Composite(inner) => {
			let mut inner = inner.values();
			(inner.next()?, inner.next()?)
		},
		_ => (module, values.next()?),
	};
	let first_error_byte = match &error.value {
		ValueDef::Composite(bytes) => bytes.values().next()?,
		_ => error,
	};
	Some((as_u8(index)?, as_u8(first_error_byte)?))
}

fn as_u8<T>(value: &Value<T>) -> Option<u8> {
	match &value.value {
		ValueDef::Primitive(Primitive::U128(n)) => u8::try_from(*n).ok(),
		_ => None,
	}
}

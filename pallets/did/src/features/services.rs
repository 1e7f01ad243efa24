//! Adding and removing service endpoints.

use crate::{
	types::{ServiceEndpoint, ServiceId},
	Config, Dids, Error, Event, Pallet,
};
use frame_support::{pallet_prelude::*, BoundedVec};

/// URL schemes a service endpoint may use.
const ALLOWED_SCHEMES: [&[u8]; 3] = [b"https://", b"wss://", b"ipfs://"];

impl<T: Config> Pallet<T> {
	/// Validates and appends a service and moves the deposit.
	pub(crate) fn do_add_service(
		who: T::AccountId,
		did: T::AccountId,
		service: ServiceEndpoint,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		Self::push_service(&mut doc.services, service.clone())?;
		Self::settle_deposit(&did, &mut doc)?;
		doc.updated_at = frame_system::Pallet::<T>::block_number();
		let deposit = doc.deposit;
		Dids::<T>::insert(&did, doc);
		Self::deposit_event(Event::ServiceAdded { did, service, deposit });
		Ok(())
	}

	/// Removes a service and moves the deposit.
	pub(crate) fn do_remove_service(
		who: T::AccountId,
		did: T::AccountId,
		service_id: ServiceId,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		let position = doc
			.services
			.iter()
			.position(|s| s.id == service_id)
			.ok_or(Error::<T>::ServiceNotFound)?;
		doc.services.remove(position);
		Self::settle_deposit(&did, &mut doc)?;
		doc.updated_at = frame_system::Pallet::<T>::block_number();
		let deposit = doc.deposit;
		Dids::<T>::insert(&did, doc);
		Self::deposit_event(Event::ServiceRemoved { did, service_id, deposit });
		Ok(())
	}

	/// Validates a service and appends it.
	pub(crate) fn push_service(
		services: &mut BoundedVec<ServiceEndpoint, T::MaxServices>,
		service: ServiceEndpoint,
	) -> DispatchResult {
		ensure!(
			!service.id.is_empty()
				&& service
					.id
					.iter()
					.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')),
			Error::<T>::InvalidServiceId
		);
		ensure!(
			!service.service_type.is_empty()
				&& service.service_type.iter().all(u8::is_ascii_alphanumeric),
			Error::<T>::InvalidServiceType
		);
		let url = service.url.as_slice();
		let scheme_len = ALLOWED_SCHEMES
			.iter()
			.find(|scheme| url.starts_with(scheme))
			.map(|scheme| scheme.len())
			.ok_or(Error::<T>::InvalidServiceUrl)?;
		ensure!(
			url.len() > scheme_len && url.iter().all(|b| b.is_ascii_graphic()),
			Error::<T>::InvalidServiceUrl
		);
		ensure!(!services.iter().any(|s| s.id == service.id), Error::<T>::DuplicateServiceId);
		services.try_push(service).map_err(|_| Error::<T>::TooManyServices)?;
		Ok(())
	}
}

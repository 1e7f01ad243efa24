/// The cargo target dir usually lives outside the work tree (`$HOME/.cache/ailock/target`), where
/// the wasm builder cannot find the workspace's `Cargo.lock` by walking up from `OUT_DIR`. Point
/// it at the workspace so the wasm build uses the locked versions. (Set here, not globally: other
/// crates' wasm builds must not look for their packages in this workspace.)
#[cfg(feature = "std")]
fn point_wasm_builder_at_workspace() {
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		if let Some(workspace) = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent() {
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
	}
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	point_wasm_builder_at_workspace();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("AIL", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	point_wasm_builder_at_workspace();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Building the runtime for wasm needs no wasm builder of its own.
#[cfg(not(feature = "std"))]
fn main() {}

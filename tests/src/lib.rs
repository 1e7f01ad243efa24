//! End-to-end harness: starts real `ailock-node` processes on free ports with temporary base
//! paths, waits until their RPC answers, and always stops them — when a test ends, when it
//! panics (the node's log tail is printed then), and when the test process itself dies.

use anyhow::{anyhow, bail, Context, Result};
use std::{
	fs::File,
	io::{BufRead, BufReader},
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::OnceLock,
	time::{Duration, Instant},
};

/// How long a node may take to serve RPC after it starts (a debug build compiles the runtime).
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(120);

/// The `ailock-node` binary: `AILOCK_NODE_BIN` if set, else the workspace build in the cargo
/// target dir, built on first use if missing.
pub fn node_binary() -> Result<PathBuf> {
	static BINARY: OnceLock<std::result::Result<PathBuf, String>> = OnceLock::new();
	BINARY
		.get_or_init(|| locate_or_build("ailock-node", "ailock-node").map_err(|e| format!("{e:#}")))
		.clone()
		.map_err(|e| anyhow!(e))
}

/// The `ailock` CLI binary, located like [`node_binary`].
pub fn cli_binary() -> Result<PathBuf> {
	static BINARY: OnceLock<std::result::Result<PathBuf, String>> = OnceLock::new();
	BINARY
		.get_or_init(|| locate_or_build("ailock", "ailock-client").map_err(|e| format!("{e:#}")))
		.clone()
		.map_err(|e| anyhow!(e))
}

/// The repository's root directory.
pub fn workspace_root() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

fn target_dir() -> PathBuf {
	std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| workspace_root().join("target"))
}

fn locate_or_build(binary: &str, package: &str) -> Result<PathBuf> {
	let env_name = format!("AILOCK_{}_BIN", if binary == "ailock" { "CLI" } else { "NODE" });
	if let Some(path) = std::env::var_os(&env_name).map(PathBuf::from) {
		if path.is_file() {
			return Ok(path);
		}
	}
	let path = target_dir().join("debug").join(binary);
	if !path.is_file() {
		eprintln!("{binary} not found at {}: building it", path.display());
		let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
			.args(["build", "--locked", "-p", package, "--bin", binary])
			.current_dir(workspace_root())
			.status()
			.context("running cargo build")?;
		if !status.success() {
			bail!("cargo build -p {package} failed");
		}
	}
	Ok(path)
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|addr| addr.port())
		.unwrap_or(0)
}

/// Options for starting a node.
#[derive(Clone, Debug)]
pub struct NodeConfig {
	/// `--chain` (`dev`, `local` or a chain spec path).
	pub chain: String,
	/// `--consensus`, when not the chain's default.
	pub consensus: Option<String>,
	/// `--alice`, `--bob`, … (validator with that dev key).
	pub dev_key: Option<String>,
	/// `--node-key` (hex ed25519 secret), to give a bootnode a known peer id.
	pub node_key: Option<String>,
	/// `--bootnodes`.
	pub bootnodes: Vec<String>,
	/// Extra command-line arguments.
	pub extra_args: Vec<String>,
}

impl NodeConfig {
	/// A single-authority development node (`--dev`: Alice authors; instant seal unless
	/// `consensus` says otherwise).
	pub fn dev() -> Self {
		NodeConfig {
			chain: "dev".into(),
			consensus: None,
			dev_key: None,
			node_key: None,
			bootnodes: Vec::new(),
			extra_args: Vec::new(),
		}
	}

	/// A validator of the two-authority local testnet.
	pub fn local_validator(dev_key: &str) -> Self {
		NodeConfig { chain: "local".into(), dev_key: Some(dev_key.into()), ..NodeConfig::dev() }
	}

	/// Sets `--consensus`.
	pub fn consensus(mut self, mode: &str) -> Self {
		self.consensus = Some(mode.into());
		self
	}
}

/// The ports a node listens on.
#[derive(Clone, Copy, Debug)]
pub struct Ports {
	/// JSON-RPC (WebSocket and HTTP).
	pub rpc: u16,
	/// libp2p.
	pub p2p: u16,
	/// Prometheus.
	pub prometheus: u16,
}

impl Ports {
	/// Three ports nobody listens on right now.
	pub fn free() -> Ports {
		Ports { rpc: free_port(), p2p: free_port(), prometheus: free_port() }
	}
}

/// A running node. Dropping it kills the process.
pub struct Node {
	child: Child,
	/// Directory holding the node's database and keystore.
	pub base_path: PathBuf,
	/// JSON-RPC port (WebSocket and HTTP).
	pub rpc_port: u16,
	/// libp2p port.
	pub p2p_port: u16,
	/// Prometheus port.
	pub prometheus_port: u16,
	log_path: PathBuf,
	_temp: Option<tempfile::TempDir>,
}

impl Node {
	/// Starts a node with a fresh temporary base path.
	pub fn start(config: NodeConfig) -> Result<Node> {
		let temp = tempfile::Builder::new().prefix("ailock-e2e-").tempdir()?;
		let base_path = temp.path().to_path_buf();
		let mut node = Self::start_at(config, &base_path)?;
		node._temp = Some(temp);
		Ok(node)
	}

	/// Starts a node on an existing base path (kept after the node stops).
	pub fn start_at(config: NodeConfig, base_path: &Path) -> Result<Node> {
		let binary = node_binary()?;
		let Ports { rpc: rpc_port, p2p: p2p_port, prometheus: prometheus_port } = Ports::free();
		std::fs::create_dir_all(base_path)?;
		let log_path = base_path.join(format!("node-{rpc_port}.log"));

		let mut command = Command::new(&binary);
		if config.chain == "dev" {
			command.arg("--dev");
		} else {
			// Validators refuse to invent a network identity; a test node may.
			command.args(["--chain", &config.chain, "--unsafe-force-node-key-generation"]);
		}
		command
			.arg("--base-path")
			.arg(base_path)
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--port", &p2p_port.to_string()])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.args(["--no-telemetry", "--no-mdns", "--rpc-cors", "all"]);
		if let Some(mode) = &config.consensus {
			command.args(["--consensus", mode]);
		}
		if let Some(key) = &config.dev_key {
			command.arg(format!("--{key}")).arg("--validator");
		}
		if let Some(node_key) = &config.node_key {
			command.args(["--node-key", node_key]);
		}
		for bootnode in &config.bootnodes {
			command.args(["--bootnodes", bootnode]);
		}
		command.args(&config.extra_args);
		let ports = Ports { rpc: rpc_port, p2p: p2p_port, prometheus: prometheus_port };
		Self::launch(command, base_path, ports, log_path, STARTUP_TIMEOUT)
	}

	/// Runs a prepared command that starts a node (a script that ends in `exec ailock-node`,
	/// say) listening on `ports`, logging to `log_path`, and waits for its RPC.
	pub fn launch(
		mut command: Command,
		base_path: &Path,
		ports: Ports,
		log_path: PathBuf,
		startup_timeout: Duration,
	) -> Result<Node> {
		let log = File::create(&log_path)?;
		command.stdin(Stdio::null()).stdout(log.try_clone()?).stderr(log);
		die_with_parent(&mut command);
		let child = command.spawn().context("starting the node")?;
		live_logs().push(log_path.clone());
		let mut node = Node {
			child,
			base_path: base_path.to_path_buf(),
			rpc_port: ports.rpc,
			p2p_port: ports.p2p,
			prometheus_port: ports.prometheus,
			log_path,
			_temp: None,
		};
		node.wait_for_rpc(startup_timeout)?;
		Ok(node)
	}

	/// `ws://127.0.0.1:<rpc port>`.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The libp2p address other nodes can boot from, given this node's peer id.
	pub fn multiaddr(&self, peer_id: &str) -> String {
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", self.p2p_port)
	}

	fn wait_for_rpc(&mut self, timeout: Duration) -> Result<()> {
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(status) = self.child.try_wait()? {
				bail!("the node exited during startup ({status}):\n{}", self.log_tail(40));
			}
			if TcpStream::connect(("127.0.0.1", self.rpc_port)).is_ok()
				&& self.log_contains("Running JSON-RPC server")
			{
				return Ok(());
			}
			if Instant::now() > deadline {
				bail!("RPC not up after {timeout:?}:\n{}", self.log_tail(40));
			}
			std::thread::sleep(Duration::from_millis(100));
		}
	}

	/// Whether the node's log has a line containing `needle`.
	pub fn log_contains(&self, needle: &str) -> bool {
		File::open(&self.log_path)
			.map(|f| BufReader::new(f).lines().map_while(Result::ok).any(|l| l.contains(needle)))
			.unwrap_or(false)
	}

	/// The last `lines` lines of the node's log.
	pub fn log_tail(&self, lines: usize) -> String {
		tail_of(&self.log_path, lines)
	}

	/// Kills the node with SIGKILL, as a crash or power loss would, and waits for it to exit.
	pub fn kill_hard(mut self) -> Result<PathBuf> {
		self.child.kill()?;
		self.child.wait()?;
		Ok(self.base_path.clone())
	}

	/// Peak resident memory (VmHWM) and current (VmRSS) in KiB, from /proc.
	pub fn memory_kib(&self) -> Result<(u64, u64)> {
		let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
		let field = |name: &str| {
			status
				.lines()
				.find(|l| l.starts_with(name))
				.and_then(|l| l.split_whitespace().nth(1))
				.and_then(|v| v.parse::<u64>().ok())
				.unwrap_or(0)
		};
		Ok((field("VmHWM:"), field("VmRSS:")))
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if std::thread::panicking() {
			eprintln!(
				"--- last lines of {} (rpc port {}) ---\n{}",
				self.log_path.display(),
				self.rpc_port,
				self.log_tail(60)
			);
		}
		let _ = self.child.kill();
		let _ = self.child.wait();
		live_logs().retain(|path| path != &self.log_path);
	}
}

/// Logs of the nodes this test process is running: a test that gives up waiting returns an
/// error rather than panicking, so the error itself carries what the nodes last said.
fn live_logs() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
	static LOGS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
	LOGS.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The last `lines` lines of every running node's log, each under a header naming it.
pub fn live_log_tails(lines: usize) -> String {
	let paths = live_logs().clone();
	paths
		.iter()
		.map(|path| format!("--- last lines of {} ---\n{}", path.display(), tail_of(path, lines)))
		.collect::<Vec<_>>()
		.join("\n")
}

fn tail_of(path: &Path, lines: usize) -> String {
	let all: Vec<String> = File::open(path)
		.map(|file| BufReader::new(file).lines().map_while(Result::ok).collect())
		.unwrap_or_default();
	all[all.len().saturating_sub(lines)..].join("\n")
}

/// Asks the kernel to SIGKILL the node if the test process dies without running destructors
/// (killed by a timeout, say), so no node outlives its test.
#[allow(unsafe_code)]
fn die_with_parent(command: &mut Command) {
	use std::os::unix::process::CommandExt;
	// SAFETY: `prctl` is async-signal-safe and touches no memory of the parent.
	unsafe {
		command.pre_exec(|| {
			if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == -1 {
				return Err(std::io::Error::last_os_error());
			}
			Ok(())
		});
	}
}

/// Polls `check` every 200 ms until it yields `Some`, or fails after `timeout`.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> Result<T>
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = Result<Option<T>>>,
{
	let deadline = Instant::now() + timeout;
	let mut last_error = None;
	loop {
		match check().await {
			Ok(Some(value)) => return Ok(value),
			Ok(None) => {},
			Err(error) => last_error = Some(error),
		}
		if Instant::now() > deadline {
			return Err(anyhow!(
				"timed out after {timeout:?} waiting for {what}; last error: {last_error:?}\n{}",
				live_log_tails(40)
			));
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
}

/// A fresh account nobody has used: a hard derivation of the dev phrase unique to this call.
pub fn fresh_keypair(label: &str) -> ailock_client::Keypair {
	ailock_client::accounts::keypair(&fresh_uri(label)).expect("derived dev key")
}

/// The secret URI of a fresh account (see [`fresh_keypair`]).
pub fn fresh_uri(label: &str) -> String {
	use std::sync::atomic::{AtomicU32, Ordering};
	static COUNTER: AtomicU32 = AtomicU32::new(0);
	let nanos = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_nanos())
		.unwrap_or_default();
	format!(
		"//e2e//{label}//{}//{nanos}//{}",
		std::process::id(),
		COUNTER.fetch_add(1, Ordering::Relaxed)
	)
}

/// Connects to a node once it has imported a block beyond genesis. (Genesis state does not yet
/// record the genesis hash that transactions sign, so a chain is usable from block #1.)
pub async fn connect(node: &Node) -> Result<ailock_client::AilockClient> {
	let url = node.ws_url();
	eventually("the node to serve block #1", Duration::from_secs(60), || {
		let url = url.clone();
		async move {
			let client = ailock_client::AilockClient::connect(&url).await?;
			let (_, best) = client.best_block().await?;
			Ok((best >= 1).then_some(client))
		}
	})
	.await
}

/// The `ailock` CLI pointed at one node, for scenarios that go through it like a user would.
pub struct CliRunner {
	binary: PathBuf,
	url: String,
}

impl CliRunner {
	/// The CLI (located or built) talking to `node`.
	pub fn for_node(node: &Node) -> Result<Self> {
		Ok(CliRunner { binary: cli_binary()?, url: node.ws_url() })
	}

	/// Runs `ailock --url <node> <args>`, signing with `suri` when given (never with an
	/// inherited `AILOCK_SURI`).
	pub fn run(&self, suri: Option<&str>, args: &[&str]) -> Result<std::process::Output> {
		let mut command = Command::new(&self.binary);
		command.args(["--url", &self.url]).args(args).env_remove("AILOCK_SURI");
		if let Some(suri) = suri {
			command.env("AILOCK_SURI", suri);
		}
		Ok(command.output()?)
	}

	/// Runs and expects success; returns stdout.
	pub fn ok(&self, suri: Option<&str>, args: &[&str]) -> Result<String> {
		let out = self.run(suri, args)?;
		let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
		if !out.status.success() {
			bail!("{args:?} failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
		}
		Ok(stdout)
	}

	/// Runs and expects failure with `error` in stderr.
	pub fn fails_with(&self, suri: Option<&str>, args: &[&str], error: &str) -> Result<()> {
		let out = self.run(suri, args)?;
		let stderr = String::from_utf8_lossy(&out.stderr);
		if out.status.success() {
			bail!("{args:?} should fail");
		}
		if !stderr.contains(error) {
			bail!("{args:?}: expected {error} in:\n{stderr}");
		}
		Ok(())
	}
}

//! Entry point: mounts the app (see `yishi::start`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    yishi::start();
}

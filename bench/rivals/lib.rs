//! Nothing: this package exists to fetch yyjson-sys (see Cargo.toml).

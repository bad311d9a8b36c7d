//! The registry's naming rule: a vendor's short name (`huawei-frs`) gives its Rust variant
//! (`HuaweiFrs`) and its upper snake case (`HUAWEI_FRS`: the C enumerator `HERR_VENDOR_HUAWEI_FRS`
//! that cbindgen writes from the variant, and the names of its statics).

/// `huawei-frs` -> `HuaweiFrs`.
pub fn camel(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// `huawei-frs` -> `HUAWEI_FRS`.
pub fn upper_snake(name: &str) -> String {
    name.replace('-', "_").to_ascii_uppercase()
}

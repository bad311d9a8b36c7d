//! README.md's C and C++ code compiles: every ```c and ```cpp block is written to a file and
//! compiled against include/ with strict warnings (gcc -std=c11, g++ -std=c++11), so that the
//! README cannot show code that does not build.
// Not under Miri, which cannot start processes: this test compiles C and C++.
#![cfg(not(miri))]

mod common;

use std::fs;

use common::c::{self, Build};

/// The README's code blocks of language `lang`, with their first line numbers.
fn blocks(lang: &str) -> Vec<(usize, String)> {
    let readme = fs::read_to_string(common::root().join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in readme.lines().enumerate() {
        match current.as_mut() {
            None if line.trim_end() == format!("```{lang}") => current = Some((i + 2, String::new())),
            Some(_) if line.starts_with("```") => out.extend(current.take()),
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    assert!(current.is_none(), "README.md: an unclosed ```{lang} block");
    out
}

#[test]
fn every_c_and_cpp_block_of_the_readme_compiles() {
    let dir = c::scratch("readme");
    let mut compiled = 0;
    for (lang, ext, compiler) in [("c", "c", c::c11()), ("cpp", "cpp", c::cxx("c++11"))] {
        let found = blocks(lang);
        assert!(!found.is_empty(), "README.md has no ```{lang} block");
        for (line, text) in found {
            let source = dir.join(format!("readme_line_{line}.{ext}"));
            fs::write(&source, text).unwrap();
            Build {
                compiler: &compiler,
                sources: vec![source.clone()],
                includes: vec![c::include_dir()],
                defines: vec![],
                flags: vec![],
                archive: None,
                output: source.with_extension("o"),
            }
            .ok();
            compiled += 1;
        }
    }
    println!("{compiled} README blocks compiled");
}

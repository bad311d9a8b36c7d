//! The documentation's C and C++ code compiles: every ```c and ```cpp block of README.md,
//! CONTRIBUTING.md and docs/ is written to a file and compiled against include/ with strict
//! warnings (gcc -std=c11, g++ -std=c++11), so that no page shows code that does not build.
//! (The CMake snippet that fetches herr is built by tests/packaging.rs.)
// Not under Miri, which cannot start processes: this test compiles C and C++.
#![cfg(not(miri))]

mod common;

use std::fs;

use common::c::{self, Build};

/// The pages users and contributors read: README.md, CONTRIBUTING.md and docs/*.md.
fn pages() -> Vec<std::path::PathBuf> {
    let root = common::root();
    let mut pages = vec![root.join("README.md"), root.join("CONTRIBUTING.md")];
    let mut docs: Vec<_> = fs::read_dir(root.join("docs")).unwrap().map(|e| e.unwrap().path()).collect();
    docs.sort();
    pages.extend(docs.into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")));
    pages
}

/// The code blocks of language `lang` in every page: (page, first line number, text).
fn blocks(lang: &str) -> Vec<(String, usize, String)> {
    pages()
        .iter()
        .flat_map(|page| {
            let name = page.file_name().unwrap().to_string_lossy().into_owned();
            blocks_of(&fs::read_to_string(page).unwrap(), lang).into_iter().map(move |(l, t)| (name.clone(), l, t))
        })
        .collect()
}

/// The code blocks of language `lang` in `readme`, with their first line numbers.
fn blocks_of(readme: &str, lang: &str) -> Vec<(usize, String)> {
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
    assert!(current.is_none(), "an unclosed ```{lang} block");
    out
}

#[test]
fn every_c_and_cpp_block_of_the_docs_compiles() {
    let dir = c::scratch("readme");
    let mut compiled = 0;
    for (lang, ext, compiler) in [("c", "c", c::c11()), ("cpp", "cpp", c::cxx("c++11"))] {
        let found = blocks(lang);
        assert!(!found.is_empty(), "no page has a ```{lang} block");
        for (page, line, text) in found {
            let source = dir.join(format!("{}_line_{line}.{ext}", page.replace('.', "_")));
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
    println!("{compiled} blocks compiled");
}

/// The pages name their sources (InspireFace's documentation, a vendor's error page), never the
/// notes herr was built from.
#[test]
fn the_pages_name_their_sources() {
    for page in pages() {
        let text = fs::read_to_string(&page).unwrap().to_lowercase();
        for words in ["the seed", "seed 00", "seeds'", "the issue", "issue's"] {
            assert!(!text.contains(words), "{} says {words:?}", page.display());
        }
    }
}

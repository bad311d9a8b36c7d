//! The one reader of the project's TSV files (the code tables in `codes/`, the fixtures in
//! `tests/fixtures/`): `build.rs`, the tests and the docs generator all read through it, so
//! they agree on comments, headers and trimming.

use std::fs;
use std::path::Path;

/// A parsed TSV file: its rows as cells in the header's column order (trimmed; a short row is
/// padded with empty cells), with line numbers. The first line that is neither a comment (`#`)
/// nor blank is the header. (No map per row: the tests read fixtures under Miri too, where
/// hashing every cell costs seconds.)
pub struct Tsv {
    pub file: String,
    /// The column names, in order.
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    /// The comment lines' texts (after `#` and a space), in order, with their line numbers.
    pub comments: Vec<(usize, String)>,
}

impl Tsv {
    pub fn read(path: &Path) -> Tsv {
        let file = path.display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        let mut comments = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let lineno = i + 1;
            if let Some(comment) = line.strip_prefix('#') {
                comments.push((lineno, comment.strip_prefix(' ').unwrap_or(comment).to_string()));
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            match &header {
                None => header = Some(cells.iter().map(|c| c.trim().to_string()).collect()),
                Some(h) => {
                    if cells.len() > h.len() {
                        panic!("{file}:{lineno}: {} cells, the header has {}", cells.len(), h.len());
                    }
                    let row = (0..h.len()).map(|i| cells.get(i).unwrap_or(&"").trim().to_string()).collect();
                    rows.push((lineno, row));
                }
            }
        }
        Tsv { file, header: header.unwrap_or_default(), rows, comments }
    }
}

impl Tsv {
    /// Each row's cells in column order.
    pub fn cells(self) -> Vec<Vec<String>> {
        self.rows.into_iter().map(|(_, row)| row).collect()
    }

    /// The value of a comment line `# key: value` (the first such line), trimmed.
    pub fn directive(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|(_, c)| c.strip_prefix(key)?.strip_prefix(':').map(str::trim))
    }

    /// The index of column `name`, if the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

//! `plan import FILE.docx [-o FILE]`: a plan written in Word, as a plan file.

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ImportArgs;
use crate::config::Config;
use crate::error::Error;
use crate::import::{self, Format, Problem, archive::MAX_DOCX_BYTES};
use crate::model;
use crate::write;

/// Reads the .docx, writes the plan (a new file, with the mode the umask gives, as an editor's) to `-o FILE` (or `out`), tells what it read on `err`.
pub(super) fn run(
    args: &ImportArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let source = args.docx.display().to_string();
    // `-o -` is standard output, as for `export`.
    let output = args.output.as_ref().filter(|o| o.as_os_str() != "-");
    // Said before any work; `create_new` refuses again should the file appear meanwhile.
    if let Some(output) = output.filter(|o| o.is_dir()) {
        return Err(Error::OutputIsFolder { path: output.clone() });
    }
    if let Some(output) = output
        && output.symlink_metadata().is_ok()
    {
        return Err(Error::ImportExists { path: output.clone() });
    }
    let fail = |problem| Error::Import { path: args.docx.clone(), problem };
    let bytes = read_docx(&args.docx).map_err(fail)?;
    let options = import::Options { year: args.year, title: args.title.clone() };
    let (draft, columns) = match import::read(&bytes, &options) {
        // A .doc, .odt or .rtf: through LibreOffice, when it is there.
        Err(Problem::OtherFormat { format: format @ (Format::Doc | Format::Odt | Format::Rtf) }) => {
            let converted = import::convert::to_docx(&args.docx, format).map_err(fail)?;
            import::read(&converted, &options).map_err(fail)?
        }
        read => read.map_err(fail)?,
    };
    let name = args.docx.file_name().map_or_else(|| source.clone(), |n| n.to_string_lossy().into_owned());
    let text = import::plan_text::toml(&draft, &name);
    let target = output.map(|p| p.display().to_string());
    let shown = target.clone().unwrap_or_else(|| "<stdout>".to_owned());
    // What is written must load: a failure here is a bug in `plan import`, and nothing is written.
    model::parse(&shown, text.as_bytes())
        .map_err(|invalid| Error::EditBroke { path: shown.clone(), invalid: Some(invalid) })?;
    match output {
        Some(output) => {
            write::create_new(output, text.as_bytes(), None).map_err(|e| match e {
                Error::OutputExists { path } => Error::ImportExists { path },
                other => other,
            })?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    let told =
        crate::render::record::imported(config.lang, &source, target.as_deref(), &draft, &columns, !config.quiet);
    err.write_all(told.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The file's bytes, refused before reading when larger than a plan document can be.
fn read_docx(path: &Path) -> Result<Vec<u8>, Problem> {
    // Asked of the path before opening it: opening a FIFO waits for a writer, for ever.
    let kind = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Problem::NotFound,
        _ => unreadable(&e),
    })?;
    if !kind.is_file() && !kind.is_dir() {
        return Err(Problem::NotAFile);
    }
    let file = fs::File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Problem::NotFound,
        _ => unreadable(&e),
    })?;
    let metadata = file.metadata().map_err(|e| unreadable(&e))?;
    if metadata.is_dir() {
        return Err(unreadable(&io::ErrorKind::IsADirectory.into()));
    }
    // The path may have become something else between `metadata` and `open`.
    if !metadata.is_file() {
        return Err(Problem::NotAFile);
    }
    if metadata.len() > MAX_DOCX_BYTES {
        return Err(Problem::TooLarge { size: metadata.len(), limit: MAX_DOCX_BYTES });
    }
    let mut bytes = Vec::new();
    // A file that grows while it is read (or a device) stops at the limit too.
    file.take(MAX_DOCX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| unreadable(&e))?;
    Ok(bytes)
}

/// A failure to read the .docx, by its kind and the system's words.
fn unreadable(error: &io::Error) -> Problem {
    Problem::Unreadable { kind: error.kind(), detail: error.to_string() }
}

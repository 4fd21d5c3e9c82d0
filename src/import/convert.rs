//! A .doc, .odt or .rtf made into a .docx by `LibreOffice` (`soffice --headless --convert-to
//! "docx:MS Word 2007 XML"`), in a temporary folder that is removed afterwards, with a time limit.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Format, Problem};

/// How long `LibreOffice` may take: a plan converts in a few seconds; a first start, in tens.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The program that converts.
const SOFFICE: &str = "soffice";

/// `soffice` on PATH, if it is there.
#[must_use]
pub fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(SOFFICE)).find(|candidate| candidate.is_file())
}

/// The command a user would type to convert `path` by hand: the whole path, quoted for the shell.
#[must_use]
pub fn command_line(path: &Path) -> String {
    format!("soffice --headless --convert-to \"docx:MS Word 2007 XML\" {}", shell_quote(&path.display().to_string()))
}

/// `text` in single quotes for a POSIX shell (a `'` inside written `'\''`).
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The .docx bytes `LibreOffice` makes of the document at `path` (of kind `format`).
pub fn to_docx(path: &Path, format: Format) -> Result<Vec<u8>, Problem> {
    let soffice = soffice().ok_or(Problem::NoConverter { format })?;
    let folder = tempfile::Builder::new()
        .prefix("plan-import-")
        .tempdir()
        .map_err(|e| Problem::ConversionFailed { detail: e.to_string() })?;
    // The input under a plain name, so that the output's name is known and no option is taken
    // for a file name.
    let extension = match format {
        Format::Doc => "doc",
        Format::Odt => "odt",
        Format::Rtf => "rtf",
        Format::Pdf => return Err(Problem::OtherFormat { format }),
    };
    let input = folder.path().join(format!("plan.{extension}"));
    std::fs::copy(path, &input).map_err(|e| Problem::ConversionFailed { detail: e.to_string() })?;
    let out = folder.path().join("out");
    // Its own profile, so that a running LibreOffice (or another import) does not swallow the call.
    let profile = format!("-env:UserInstallation=file://{}", folder.path().join("profile").display());
    // What it says goes to a file in the folder: a pipe nobody reads could fill and stall it.
    let said_path = folder.path().join("said.txt");
    let said = std::fs::File::create(&said_path).map_err(|e| Problem::ConversionFailed { detail: e.to_string() })?;
    let mut command = Command::new(soffice);
    command.arg(&profile).args(["--headless", "--norestore", "--nologo"]);
    if format == Format::Rtf {
        // Without the filter named, an .rtf opens as Writer/Web and makes no .docx.
        command.arg("--infilter=Rich Text Format");
    }
    command
        .args(["--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(&out)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(said);
    let mut child = command.spawn().map_err(|e| Problem::ConversionFailed { detail: e.to_string() })?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Problem::ConversionTimeout { seconds: TIMEOUT.as_secs() });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(Problem::ConversionFailed { detail: e.to_string() }),
        }
    }
    match std::fs::read(out.join("plan.docx")) {
        Ok(bytes) => Ok(bytes),
        Err(_) => {
            let said = std::fs::read(&said_path).unwrap_or_default();
            let said = String::from_utf8_lossy(&said);
            // Its warnings (about Java, fonts) say nothing of the document; an error line does.
            let line =
                said.lines().map(str::trim).find(|l| l.to_lowercase().contains("error")).unwrap_or("no .docx was made");
            Err(Problem::ConversionFailed { detail: line.chars().take(300).collect() })
        }
    }
    // `folder` is removed here, with the copy, the profile and the .docx.
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_quotes_the_whole_path() {
        let path = Path::new("/home/секретарь/Мои документы/план на 2024 год (итог's).doc");
        assert_eq!(
            command_line(path),
            r#"soffice --headless --convert-to "docx:MS Word 2007 XML" '/home/секретарь/Мои документы/план на 2024 год (итог'\''s).doc'"#
        );
    }
}

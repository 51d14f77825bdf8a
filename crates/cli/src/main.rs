//! `ems-scope`: the wizard's documents on the command line. Arguments are parsed here (clap's
//! derive API); the work is in the library (`export`, `revision_diff`).

use clap::{Args, Parser, Subcommand};
use ems_scope_cli::export::{self, Format};
use ems_scope_cli::revision_diff::diff;
use scope::source_page::parse_page;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ems-scope",
    version,
    about = "The EMS onboarding scope wizard's documents on the command line",
    long_about = "ems-scope works on the documents of the EMS onboarding scope wizard, with the \
        wizard's own engine and without a browser.\n\n\
        `ems-scope export` turns what a customer's progress was kept as (a progress string, a \
        share or prefill link, a JSON export) into the Markdown checklist or the JSON export the \
        wizard's downloads give. `ems-scope revision-diff` compares a new revision of Microsoft's \
        page with the catalog, for the wizard's maintainers.",
    after_help = "EXAMPLES:\n  \
        ems-scope export --format markdown 's1.DAYAAgABAAAAAAABAAAAAAAAAAMAAAAUAAEBAAAAAAQAAAAAGGMa'\n  \
        ems-scope export --format json --output scope.json customer.txt\n  \
        ems-scope revision-diff source/002_<hash>.txt > diff.md\n\n\
        Run `ems-scope help <COMMAND>` for a command's options and exit statuses."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Export(ExportArgs),
    RevisionDiff(RevisionDiffArgs),
}

/// Write a customer's scope as the wizard's Markdown checklist or JSON export
#[derive(Args)]
#[command(
    long_about = "Writes a customer's scope as the Markdown checklist or the JSON export that the \
        wizard's \"Download Markdown\" and \"Download JSON\" give for the same scope, byte for byte \
        (the date is today's, in the local time zone, unless --date gives one).\n\n\
        INPUT is what a partner's portal or a customer kept:\n  \
        - a progress string, as the portal keeps it (s1.…);\n  \
        - the record embed.js keeps per customer ({\"progress\":\"s1.…\",\"step\":\"…\"});\n  \
        - a share link, the whole address or only its fragment (https://…/#s1.…, #s1.…);\n  \
        - a prefill string or link (services=intune&tenant=new), opened in the newest revision \
        of Microsoft's page;\n  \
        - a file holding any of these, or a JSON export the wizard wrote (or a saved record it \
        kept aside).\n\n\
        `-` reads standard input. An existing path is read as a file; anything else as the text \
        itself.\n\n\
        When INPUT cannot be read, ems-scope says why in the words the wizard uses, writes \
        nothing (no --output file is made or changed) and exits with status 2.",
    after_help = "EXIT STATUS:\n  \
        0  the document was written\n  \
        1  the document could not be written (standard output or --output)\n  \
        2  INPUT could not be read, or the arguments are wrong\n\n\
        EXAMPLES:\n  \
        ems-scope export --format markdown 's1.DAYAAgABAAAAAAABAAAAAAAAAAMAAAAUAAEBAAAAAAQAAAAAGGMa'\n  \
        ems-scope export --format json --date 2026-12-01 'https://wizard.example/#s1.DAMAAQACAAIAAgAAAAAADAAAAAAAAAAAAACgCA'\n  \
        ems-scope export --format markdown 'services=intune&tenant=new'\n  \
        ems-scope export --format markdown --output checklist.md export.json\n  \
        psql -Atc \"select progress from onboarding where id = 42\" | ems-scope export --format markdown -"
)]
struct ExportArgs {
    /// The document: `markdown` (the checklist) or `json` (the export, which opens again in the wizard)
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Format,
    /// The date the document carries, YYYY-MM-DD [default: today, local time]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = export::parse_date)]
    date: Option<String>,
    /// Write the document to FILE (whole, or not at all) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A progress string, share link, prefill string, or a file holding one or a JSON export; `-` for standard input
    #[arg(value_name = "INPUT")]
    input: String,
}

/// Compare a new revision of Microsoft's page with the catalog (for maintainers)
#[derive(Args)]
#[command(
    long_about = "Compares a new revision of Microsoft's page (its Markdown, as the files in \
        source/) with the catalog's newest revision, section by section, and prints the report as \
        Markdown for a pull request: lines unchanged, reworded, new, moved and gone, sections \
        added and removed. docs/maintaining.md, \"When Microsoft revises the page\", says what to do with it.",
    after_help = "EXIT STATUS:\n  \
        0  the catalog carries the page (nothing reworded, new or gone)\n  \
        1  the catalog does not carry the page yet (the report says what to add)\n  \
        2  the page could not be read, or has no section with bullets or notes\n\n\
        EXAMPLE:\n  \
        cargo run -p ems-scope-cli -- revision-diff source/002_<hash>.txt > diff.md"
)]
struct RevisionDiffArgs {
    /// The new page's Markdown
    #[arg(value_name = "PAGE")]
    page: PathBuf,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Export(args) => export_command(args),
        Command::RevisionDiff(args) => revision_diff_command(&args.page),
    }
}

fn export_command(args: ExportArgs) -> ExitCode {
    let progress = match export::read_input(&args.input) {
        Ok(progress) => progress,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let date = args.date.or_else(export::local_today).unwrap_or_else(|| {
        eprintln!("ems-scope: the local time zone could not be read; the date is today's in UTC (--date gives one)");
        export::utc_today()
    });
    let text = export::document(&progress, args.format, &date);
    match export::write_output(&text, args.output.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ems-scope: {e}");
            ExitCode::from(1)
        }
    }
}

fn revision_diff_command(path: &std::path::Path) -> ExitCode {
    let shown = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("ems-scope revision-diff: cannot read {shown}: {e}");
            return ExitCode::from(2);
        }
    };
    let page = parse_page(&text);
    if page.sections.is_empty() {
        eprintln!("ems-scope revision-diff: {shown} has no section with bullets or notes; is it the page's Markdown?");
        return ExitCode::from(2);
    }
    let name = path.file_name().map_or_else(|| shown.to_string(), |n| n.to_string_lossy().into_owned());
    let report = diff(&page);
    print!("{}", report.to_markdown(&name));
    ExitCode::from(if report.covered() { 0 } else { 1 })
}

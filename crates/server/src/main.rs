//! `throughline`: serve the API, run migrations, manage API keys.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use server::{Application, Settings, auth, telemetry};
use store::Backend;

/// mimalloc instead of glibc's malloc: the webhook load profile spent about a fifth of the
/// server's CPU in glibc `malloc`/`free` (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "throughline", version, about = "Voice + SMS omnichannel orchestrator")]
struct Cli {
    /// TOML configuration file (defaults, then this file, then THROUGHLINE__* variables).
    #[arg(long, short, global = true, env = "THROUGHLINE_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (embedded SQLite unless DATABASE_URL / REDIS_URL are set).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Simulate cadence outcomes over synthetic leads on a virtual clock (no server needed).
    Simulate(server::simulate::SimulateArgs),
    /// Tell one sandbox lead's story end to end (form, texts, qualification, booking or
    /// hand-off), on a virtual clock with no servers.
    Demo(server::demo::DemoArgs),
    /// The built-in SMS understanding: classify messages or score a labelled corpus.
    Nlu {
        #[command(subcommand)]
        action: server::nlu_cli::NluCommand,
    },
    /// Manage operator API keys.
    Apikey {
        #[command(subcommand)]
        action: ApiKeyAction,
    },
}

#[derive(Subcommand)]
enum ApiKeyAction {
    /// Create a key; the secret is printed once and never stored.
    Create {
        /// A label for the key (who or what uses it).
        #[arg(long, default_value = "default")]
        name: String,
    },
    /// List keys (ids, names, prefixes; never secrets).
    List,
    /// Revoke a key by id.
    Revoke {
        /// The key's id.
        id: domain::ApiKeyId,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut settings = Settings::load(cli.config.as_deref())?;
    if matches!(cli.command, Command::Demo(_)) {
        // The story is the output; the server's own logs would drown it.
        settings.log.level = "warn".into();
    }
    telemetry::init(&settings.log);
    match cli.command {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            let store = store::open_store(&settings.store_settings(), true).await?;
            let health = store.health().await;
            eprintln!(
                "migrations applied on {:?}: {}/{} known",
                health.backend, health.migrations_done, health.migrations_known
            );
            Ok(())
        }
        Command::Apikey { action } => apikey(settings, action).await,
        Command::Nlu { action } => {
            let stdin = std::io::stdin();
            server::nlu_cli::run(&action, stdin.lock(), std::io::stdout().lock())
        }
        Command::Demo(args) => server::demo::run(&args, &mut std::io::stdout().lock()).await,
        Command::Simulate(args) => {
            let report = tokio::task::spawn_blocking(move || server::simulate::run(&args)).await??;
            print_json(&report)
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = Application::build(settings).await?;
    let store = app.state().store.clone();
    // A newcomer running the embedded default gets a key to try the API with; production
    // keys are created deliberately with `throughline apikey create`.
    if app.backend() == Backend::Sqlite && store.api_keys().await?.is_empty() {
        let key = auth::create(store.as_ref(), "bootstrap").await?;
        eprintln!("No API keys existed, so one was created (shown once, stored hashed):\n\n    {}\n", key.secret);
    }
    tracing::info!(address = %app.address(), "listening");
    app.run_until_stopped().await
}

#[allow(clippy::print_stdout)]
fn print_json(value: &serde_json::Value) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

#[allow(clippy::print_stdout)]
async fn apikey(settings: Settings, action: ApiKeyAction) -> anyhow::Result<()> {
    let store = store::open_store(&settings.store_settings(), true).await?;
    let store = store.as_ref();
    match action {
        ApiKeyAction::Create { name } => {
            let key = auth::create(store, &name).await?;
            eprintln!("created key {} ({}); the secret is shown once:", key.record.id, key.record.name);
            println!("{}", key.secret);
        }
        ApiKeyAction::List => {
            for k in store.api_keys().await? {
                let state = k.revoked_at.map_or("active".to_owned(), |r| format!("revoked {r}"));
                println!("{}\t{}\t{}…\t{}\t{state}", k.id, k.name, k.prefix, k.created_at);
            }
        }
        ApiKeyAction::Revoke { id } => {
            if store.revoke_api_key(id, chrono::Utc::now()).await? {
                eprintln!("revoked {id}");
            } else {
                anyhow::bail!("no active key with id {id}");
            }
        }
    }
    Ok(())
}

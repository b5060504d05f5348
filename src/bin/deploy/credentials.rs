//! Where the deploy finds the bucket's address and credentials, as AWS's own tools do: the
//! standard environment variables, then a profile of `~/.aws/credentials` and `~/.aws/config`.
//! Never from `site.json`, and never printed: messages name the variable or profile to fix.

use std::collections::HashMap;
use std::path::PathBuf;

/// What the deploy connects with. `secret` and `token` never reach a message.
pub struct Connection {
    pub endpoint: Option<String>,
    pub region: String,
    pub key_id: String,
    pub secret: String,
    pub token: Option<String>,
    /// Where the keys came from, for messages: `AWS_ACCESS_KEY_ID` or `profile "name"`.
    pub source: String,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn home_file(variable: &str, name: &str) -> Option<PathBuf> {
    env(variable)
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|home| PathBuf::from(home).join(".aws").join(name)))
}

/// One profile's settings from an AWS INI file (`[name]` in credentials, `[profile name]` or
/// `[default]` in config).
fn profile_section(path: &PathBuf, profile: &str, config: bool) -> Result<HashMap<String, String>, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(HashMap::new());
    };
    let ini = ini::Ini::load_from_str(&text).map_err(|e| format!("{}: cannot read it: {e}", path.display()))?;
    let wanted = if config && profile != "default" {
        format!("profile {profile}")
    } else {
        profile.to_string()
    };
    Ok(ini
        .iter()
        .find(|(name, _)| name.map(str::trim) == Some(wanted.as_str()))
        .map(|(_, props)| {
            props
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                .collect()
        })
        .unwrap_or_default())
}

/// Reads the connection: `--profile` (or `AWS_PROFILE`) names a profile; without one, the keys
/// in `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` come first, then the `default` profile.
/// The endpoint: `--endpoint`, `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, the profile's
/// `endpoint_url`, else AWS itself. The region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`,
/// the profile's `region`, else `us-east-1`.
pub fn connection(profile: Option<&str>, endpoint: Option<&str>, region: Option<&str>) -> Result<Connection, String> {
    let named = profile.map(str::to_string).or_else(|| env("AWS_PROFILE"));
    let name = named.clone().unwrap_or_else(|| "default".into());
    let credentials_file = home_file("AWS_SHARED_CREDENTIALS_FILE", "credentials");
    let config_file = home_file("AWS_CONFIG_FILE", "config");
    let mut settings = HashMap::new();
    if let Some(path) = &config_file {
        settings.extend(profile_section(path, &name, true)?);
    }
    if let Some(path) = &credentials_file {
        settings.extend(profile_section(path, &name, false)?);
    }
    if named.is_some() && settings.is_empty() {
        return Err(format!(
            "the profile \"{name}\" is in neither {} nor {}: name one that is (--profile or AWS_PROFILE)",
            credentials_file
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "~/.aws/credentials".into()),
            config_file
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "~/.aws/config".into()),
        ));
    }
    let from_env = named.is_none() && env("AWS_ACCESS_KEY_ID").is_some();
    let (key_id, secret, token, source) = if from_env {
        let Some(secret) = env("AWS_SECRET_ACCESS_KEY") else {
            return Err("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both".into());
        };
        (
            env("AWS_ACCESS_KEY_ID").unwrap_or_default(),
            secret,
            env("AWS_SESSION_TOKEN"),
            "AWS_ACCESS_KEY_ID".to_string(),
        )
    } else {
        match (settings.get("aws_access_key_id"), settings.get("aws_secret_access_key")) {
            (Some(id), Some(secret)) => (
                id.clone(),
                secret.clone(),
                settings.get("aws_session_token").cloned(),
                format!("profile \"{name}\""),
            ),
            (Some(_), None) => {
                return Err(format!(
                    "the profile \"{name}\" has aws_access_key_id but no aws_secret_access_key"
                ))
            }
            _ => {
                return Err(
                    "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a profile of \
                     ~/.aws/credentials with --profile or AWS_PROFILE"
                        .into(),
                )
            }
        }
    };
    let endpoint = endpoint
        .map(str::to_string)
        .or_else(|| env("AWS_ENDPOINT_URL_S3"))
        .or_else(|| env("AWS_ENDPOINT_URL"))
        .or_else(|| settings.get("endpoint_url").cloned());
    if let Some(url) = &endpoint {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(format!(
                "the endpoint {url} is no http(s) address: give one such as https://s3.example.com"
            ));
        }
    }
    let region = region
        .map(str::to_string)
        .or_else(|| env("AWS_REGION"))
        .or_else(|| env("AWS_DEFAULT_REGION"))
        .or_else(|| settings.get("region").cloned())
        .unwrap_or_else(|| "us-east-1".into());
    Ok(Connection {
        endpoint,
        region,
        key_id,
        secret,
        token,
        source,
    })
}

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

fn home_file(env: &impl Fn(&str) -> Option<String>, variable: &str, name: &str) -> Option<PathBuf> {
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
    connection_from(|name| std::env::var(name).ok(), profile, endpoint, region)
}

/// [`connection`] with the environment read through `lookup` (for tests).
pub fn connection_from(
    lookup: impl Fn(&str) -> Option<String>,
    profile: Option<&str>,
    endpoint: Option<&str>,
    region: Option<&str>,
) -> Result<Connection, String> {
    let env = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
    let named = profile.map(str::to_string).or_else(|| env("AWS_PROFILE"));
    let name = named.clone().unwrap_or_else(|| "default".into());
    let credentials_file = home_file(&env, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
    let config_file = home_file(&env, "AWS_CONFIG_FILE", "config");
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder with AWS files, and an environment that names them.
    fn setup(name: &str, credentials: &str, config: &str) -> (PathBuf, HashMap<String, String>) {
        let dir = std::env::temp_dir().join(format!("reader-aws-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("credentials"), credentials).unwrap();
        std::fs::write(dir.join("config"), config).unwrap();
        let env = HashMap::from([
            (
                "AWS_SHARED_CREDENTIALS_FILE".to_string(),
                dir.join("credentials").display().to_string(),
            ),
            ("AWS_CONFIG_FILE".to_string(), dir.join("config").display().to_string()),
        ]);
        (dir, env)
    }

    fn with(env: &HashMap<String, String>, extra: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let mut env = env.clone();
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        move |name| env.get(name).cloned()
    }

    const FILES: (&str, &str) = (
        "[default]\naws_access_key_id = default-id\naws_secret_access_key = default-secret\n\n\
         [newsroom]\naws_access_key_id = newsroom-id\naws_secret_access_key = newsroom-secret\n",
        "[default]\nregion = eu-west-1\n\n[profile newsroom]\nregion = eu-central-1\nendpoint_url = https://s3.newsroom.example\n",
    );

    #[test]
    fn the_environment_keys_come_before_the_default_profile() {
        let (dir, env) = setup("order", FILES.0, FILES.1);
        let c = connection_from(
            with(
                &env,
                &[("AWS_ACCESS_KEY_ID", "env-id"), ("AWS_SECRET_ACCESS_KEY", "env-secret")],
            ),
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            (c.key_id.as_str(), c.secret.as_str(), c.source.as_str()),
            ("env-id", "env-secret", "AWS_ACCESS_KEY_ID")
        );
        // The region still comes from the default profile, the endpoint is AWS's own.
        assert_eq!((c.region.as_str(), c.endpoint), ("eu-west-1", None));
        let c = connection_from(with(&env, &[]), None, None, None).unwrap();
        assert_eq!(
            (c.key_id.as_str(), c.source.as_str()),
            ("default-id", "profile \"default\"")
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_named_profile_comes_before_the_environment_keys() {
        let (dir, env) = setup("profile", FILES.0, FILES.1);
        let keys = [("AWS_ACCESS_KEY_ID", "env-id"), ("AWS_SECRET_ACCESS_KEY", "env-secret")];
        let c = connection_from(with(&env, &keys), Some("newsroom"), None, None).unwrap();
        assert_eq!((c.key_id.as_str(), c.region.as_str()), ("newsroom-id", "eu-central-1"));
        assert_eq!(c.endpoint.as_deref(), Some("https://s3.newsroom.example"));
        let by_variable = connection_from(
            with(&env, &[keys[0], keys[1], ("AWS_PROFILE", "newsroom")]),
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(by_variable.key_id, "newsroom-id");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_endpoint_and_region_in_their_order() {
        let (dir, env) = setup("endpoint", FILES.0, FILES.1);
        let all = [
            ("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:2"),
            ("AWS_REGION", "r1"),
            ("AWS_DEFAULT_REGION", "r2"),
        ];
        let c = connection_from(
            with(&env, &all),
            Some("newsroom"),
            Some("http://127.0.0.1:0"),
            Some("r0"),
        )
        .unwrap();
        assert_eq!(
            (c.endpoint.as_deref(), c.region.as_str()),
            (Some("http://127.0.0.1:0"), "r0")
        );
        let c = connection_from(with(&env, &all), Some("newsroom"), None, None).unwrap();
        assert_eq!(
            (c.endpoint.as_deref(), c.region.as_str()),
            (Some("http://127.0.0.1:1"), "r1")
        );
        let c = connection_from(with(&env, &all[1..]), Some("newsroom"), None, None).unwrap();
        assert_eq!(
            (c.endpoint.as_deref(), c.region.as_str()),
            (Some("http://127.0.0.1:2"), "r1")
        );
        let c = connection_from(with(&env, &all[3..]), Some("newsroom"), None, None).unwrap();
        assert_eq!(
            (c.endpoint.as_deref(), c.region.as_str()),
            (Some("https://s3.newsroom.example"), "r2")
        );
        let (empty_dir, empty) = setup("endpoint-none", "", "");
        let c = connection_from(
            with(&empty, &[("AWS_ACCESS_KEY_ID", "a"), ("AWS_SECRET_ACCESS_KEY", "b")]),
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!((c.endpoint, c.region.as_str()), (None, "us-east-1"));
        let _ = std::fs::remove_dir_all(dir);
        let _ = std::fs::remove_dir_all(empty_dir);
    }

    #[test]
    fn each_mistake_is_named_and_no_secret_is_printed() {
        let (dir, env) = setup("mistakes", FILES.0, FILES.1);
        let e = |r: Result<Connection, String>| r.err().expect("refused");
        let unknown = e(connection_from(with(&env, &[]), Some("elsewhere"), None, None));
        assert!(
            unknown.starts_with("the profile \"elsewhere\" is in neither"),
            "{unknown}"
        );
        let half = e(connection_from(
            with(&env, &[("AWS_ACCESS_KEY_ID", "x")]),
            None,
            None,
            None,
        ));
        assert_eq!(
            half,
            "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both"
        );
        let ftp = e(connection_from(with(&env, &[]), None, Some("ftp://s3.example"), None));
        assert!(ftp.contains("is no http(s) address"), "{ftp}");
        let (none_dir, none) = setup("mistakes-none", "", "");
        assert!(
            e(connection_from(with(&none, &[]), None, None, None)).starts_with("no credentials: set AWS_ACCESS_KEY_ID")
        );
        let (half_dir, half_profile) = setup("mistakes-half", "[default]\naws_access_key_id = only-id\n", "");
        let message = e(connection_from(with(&half_profile, &[]), None, None, None));
        assert_eq!(
            message,
            "the profile \"default\" has aws_access_key_id but no aws_secret_access_key"
        );
        for message in [unknown, half, ftp, message] {
            assert!(
                !message.contains("secret\"")
                    && !message.contains("default-secret")
                    && !message.contains("newsroom-secret")
            );
        }
        for d in [dir, none_dir, half_dir] {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

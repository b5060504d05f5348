//! Share links for the article's canonical URL and headline.

use super::url::encode_component;

/// One share target in the fallback menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLink {
    /// Stable identifier, used for CSS and tests ("x", "facebook", …).
    pub id: &'static str,
    /// Visible label.
    pub label: &'static str,
    pub href: String,
}

/// The share links for `url` with `headline`, every parameter percent-encoded; the post on X
/// names the site's account (`via`, `@name` or `name`) when it has one.
pub fn share_links(url: &str, headline: &str, via: Option<&str>) -> Vec<ShareLink> {
    let u = encode_component(url);
    let t = encode_component(headline);
    let via = via.map_or(String::new(), |v| {
        format!("&via={}", encode_component(v.trim_start_matches('@')))
    });
    vec![
        ShareLink {
            id: "x",
            label: "X",
            href: format!("https://x.com/intent/post?url={u}&text={t}{via}"),
        },
        ShareLink {
            id: "facebook",
            label: "Facebook",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        },
        ShareLink {
            id: "linkedin",
            label: "LinkedIn",
            href: format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        },
        ShareLink {
            id: "whatsapp",
            label: "WhatsApp",
            href: format!("https://wa.me/?text={}", encode_component(&format!("{headline} {url}"))),
        },
        ShareLink {
            id: "email",
            label: "Email",
            href: format!(
                "mailto:?subject={t}&body={}",
                encode_component(&format!("{headline}\n\n{url}"))
            ),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_carries_the_encoded_url() {
        let url = "https://news.example/a?x=1&y=2#top";
        let links = share_links(url, "Tom & Jerry: “100%” done?", None);
        let ids: Vec<_> = links.iter().map(|l| l.id).collect();
        assert_eq!(ids, ["x", "facebook", "linkedin", "whatsapp", "email"]);
        for link in &links {
            assert!(
                link.href
                    .contains("https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23top"),
                "{}",
                link.href
            );
            assert!(!link.href.contains(' '), "{}", link.href);
        }
        assert_eq!(
            links[0].href,
            "https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23top\
             &text=Tom%20%26%20Jerry%3A%20%E2%80%9C100%25%E2%80%9D%20done%3F"
        );
        assert!(links[4].href.starts_with("mailto:?subject=Tom%20%26%20Jerry"));
        assert!(links[4]
            .href
            .contains("&body=Tom%20%26%20Jerry%3A%20%E2%80%9C100%25%E2%80%9D%20done%3F%0A%0Ahttps%3A"));
        assert!(links[3].href.starts_with("https://wa.me/?text=Tom%20%26"));
        // The site's account, with or without its @.
        for via in ["@morningledger", "morningledger"] {
            let x = &share_links(url, "T", Some(via))[0].href;
            assert!(x.ends_with("&text=T&via=morningledger"), "{x}");
        }
    }
}

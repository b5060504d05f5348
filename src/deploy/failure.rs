//! What a failed request to the bucket means for the person deploying: what to fix.
//! Told from the error's kind and the words of the store's answer, never from its timing: an
//! error's text also carries how long the request took ("in 403.2ms"), which is no status.

/// The cause of a failed request, as the deploy reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The bucket does not exist at that endpoint.
    NoBucket,
    /// The store answered, and refused the credentials (or their rights on the bucket).
    Refused,
    /// No answer: the endpoint cannot be reached.
    Unreachable,
    /// The store answered earlier in this deploy, then stopped (after the client's retries):
    /// not a wrong address, a store in trouble.
    Stopped,
    /// Anything else: reported with the store's own words.
    Other,
}

/// The cause of a failure, from whether the store's client typed it as refused (HTTP 401 or
/// 403) and the error's text.
///
/// ```
/// use article_reader::deploy::failure::{classify, Failure};
/// assert_eq!(classify(false, "Error performing GET http://127.0.0.1:9/b/k in 403.2ms, after 3 retries - HTTP error: error sending request"), Failure::Unreachable);
/// assert_eq!(classify(true, "Server returned non-2xx status code: 403 Forbidden"), Failure::Refused);
/// ```
pub fn classify(refused: bool, detail: &str) -> Failure {
    classify_after(refused, false, detail)
}

/// [`classify`] for a deploy that already had answers from the store (`answered`): a request
/// that then gets none means the store stopped answering, not that its address is wrong.
///
/// ```
/// use article_reader::deploy::failure::{classify_after, Failure};
/// let reset = "Error performing PUT http://127.0.0.1:9/b/k in 104ms, after 1 retries - HTTP error: error sending request";
/// assert_eq!(classify_after(false, true, reset), Failure::Stopped);
/// assert_eq!(classify_after(false, false, reset), Failure::Unreachable);
/// ```
pub fn classify_after(refused: bool, answered: bool, detail: &str) -> Failure {
    let lower = detail.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["nosuchbucket", "bucket does not exist"]) {
        Failure::NoBucket
    } else if refused
        || has(&[
            "invalidaccesskeyid",
            "signaturedoesnotmatch",
            "accessdenied",
            "forbidden",
        ])
    {
        Failure::Refused
    } else if has(&[
        "error sending request",
        "connection refused",
        "dns error",
        "timed out",
        "connect",
    ]) {
        if answered {
            Failure::Stopped
        } else {
            Failure::Unreachable
        }
    } else {
        Failure::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_that_took_403_ms_is_not_a_refusal() {
        // Seen on a loaded machine: the text of a refused connection carried "403" as a time.
        let detail = "Generic S3 error: Error performing GET http://127.0.0.1:9/news/.deploy/state.json \
                      in 403.235321ms, after 3 retries, max_retries: 3, retry_timeout: 30s - HTTP error: error sending request";
        assert_eq!(classify(false, detail), Failure::Unreachable);
    }

    #[test]
    fn refusals_by_kind_or_by_the_store_s_code() {
        assert_eq!(classify(true, "Error performing PUT"), Failure::Refused);
        assert_eq!(classify(false, "<Code>SignatureDoesNotMatch</Code>"), Failure::Refused);
        assert_eq!(classify(false, "<Code>InvalidAccessKeyId</Code>"), Failure::Refused);
        assert_eq!(classify(false, "<Code>AccessDenied</Code>"), Failure::Refused);
    }

    #[test]
    fn a_missing_bucket_and_the_rest() {
        assert_eq!(classify(false, "<Code>NoSuchBucket</Code>"), Failure::NoBucket);
        assert_eq!(classify(true, "The specified bucket does not exist"), Failure::NoBucket);
        assert_eq!(
            classify(false, "dns error: failed to lookup address"),
            Failure::Unreachable
        );
        assert_eq!(
            classify(false, "Server returned non-2xx status code: 400 Bad Request"),
            Failure::Other
        );
    }
}

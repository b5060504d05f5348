//! Offline reading: the store of saved articles (Cache Storage, shared with the service worker)
//! and the app-wide offline status (network, service worker updates, notices).

pub mod status;
pub mod store;

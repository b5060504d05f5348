//! Offline reading's data: the store of saved articles in Cache Storage, shared with the
//! service worker. (The app-wide offline state that uses it is `crate::contexts::offline`.)

pub mod store;

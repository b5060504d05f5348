//! One file per route.

pub mod article;
pub mod embed;
pub mod home;
pub mod not_found;
pub mod read;
pub mod saved;
pub mod search;

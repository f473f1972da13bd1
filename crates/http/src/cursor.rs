//! Opaque keyset cursors: base64url of the JSON sort key of the last item on a page.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Serialize, de::DeserializeOwned};

use crate::error::ApiError;

/// Encodes a sort key.
pub fn encode<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

/// Decodes a cursor a client sent back; anything we did not issue answers 400.
pub fn decode<K: DeserializeOwned>(cursor: &str) -> Result<K, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| {
            ApiError::bad_request(
                "invalid_cursor",
                "分页游标无效，请从第一页重新开始 / the cursor is not valid; start again from the first page",
            )
        })
}

/// Decodes an optional cursor.
pub fn decode_opt<K: DeserializeOwned>(cursor: Option<&str>) -> Result<Option<K>, ApiError> {
    cursor.map(decode).transpose()
}

/// Trims a page fetched with `limit + 1` rows back to `limit` and returns the cursor of
/// its last item when there is more (`key` encodes an item's sort key with [`encode`]).
pub fn next_page<T>(items: &mut Vec<T>, limit: i64, key: impl Fn(&T) -> String) -> Option<String> {
    let limit = usize::try_from(limit).unwrap_or(0);
    if items.len() > limit {
        items.truncate(limit);
        items.last().map(key)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let key = ("融城花苑".to_owned(), Uuid::nil());
        let back: (String, Uuid) = decode(&encode(&key)).unwrap_or_default();
        assert_eq!(back, key);
        assert!(decode::<(String, Uuid)>("not a cursor").is_err());
    }
}

//! Geographic value objects.

use serde::{Deserialize, Serialize};
use validator::Validate;

/// A WGS-84 point. Latitude and longitude are checked on construction through `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Validate)]
pub struct GeoPoint {
    #[validate(range(min = -90.0, max = 90.0, message = "纬度须在 -90 到 90 之间 / latitude must be between -90 and 90"))]
    pub lat: f64,
    #[validate(range(min = -180.0, max = 180.0, message = "经度须在 -180 到 180 之间 / longitude must be between -180 and 180"))]
    pub lon: f64,
}

impl GeoPoint {
    /// Great-circle distance in metres (haversine on a 6,371 km sphere; good to ~0.5 %).
    pub fn distance_m(&self, other: &GeoPoint) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_000.0;
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_of_one_degree_of_latitude_is_about_111_km() {
        let a = GeoPoint {
            lat: 28.0,
            lon: 113.0,
        };
        let b = GeoPoint {
            lat: 29.0,
            lon: 113.0,
        };
        let d = a.distance_m(&b);
        assert!((d - 111_195.0).abs() < 100.0, "{d}");
    }

    #[test]
    fn out_of_range_latitude_is_refused() {
        let p = GeoPoint {
            lat: 91.0,
            lon: 0.0,
        };
        assert!(crate::error::validate(&p).is_err());
    }
}

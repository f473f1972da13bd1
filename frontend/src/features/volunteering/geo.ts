// The phone's position for 定位签到, as the API takes it.
import type { Position } from './types';

export type GeoFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export class GeoError extends Error {
  constructor(readonly reason: GeoFailure) {
    super(`geolocation ${reason}`);
    this.name = 'GeoError';
  }
}

/** The reason of a GeolocationPositionError code (1 denied, 2 unavailable, 3 timeout). */
export function geoFailure(code: number): GeoFailure {
  return code === 1 ? 'denied' : code === 3 ? 'timeout' : 'unavailable';
}

/** The position now (fresh, precise where the phone can), or a GeoError. */
export function currentPosition(timeoutMs = 20_000): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new GeoError('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy_m: Math.max(0, p.coords.accuracy ?? 0) }),
      (e) => reject(new GeoError(geoFailure(e.code))),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    );
  });
}

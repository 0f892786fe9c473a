/**
 * Links that open a place on a public map, built from its WGS 84 coordinates. Only links: the site itself
 * loads nothing from the map services (no frames, scripts or tiles), so a visitor reaches them only by
 * following the link.
 */

/** A coordinate as the map services read it: plain decimal, at most 6 places (about 10 cm). */
const coordinate = (value: number) => Number(value.toFixed(6)).toString();

/** Yandex Maps centred on a pin at the place (`pt` is longitude first). */
export function yandexMapUrl(latitude: number, longitude: number): string {
  return `https://yandex.ru/maps/?pt=${coordinate(longitude)},${coordinate(latitude)}&z=16&l=map`;
}

/** OpenStreetMap with a marker on the place. */
export function openStreetMapUrl(latitude: number, longitude: number): string {
  const lat = coordinate(latitude);
  const lon = coordinate(longitude);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

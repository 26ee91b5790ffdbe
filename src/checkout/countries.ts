/** ISO 3166-1 alpha-2 codes of the countries a shipping address can be in. */
export const COUNTRIES = (
  'AD AE AF AG AI AL AM AO AR AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW ' +
  'BY BZ CA CD CF CG CH CI CK CL CM CN CO CR CV CW CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HN HR HT HU ID IE IL IM ' +
  'IN IO IQ IS IT JE JM JO JP KE KG KH KI KM KN KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC ' +
  'MD ME MF MG MK ML MM MN MO MQ MR MS MT MU MV MW MX MY MZ NA NC NE NG NI NL NO NP NR NU NZ OM PA ' +
  'PE PF PG PH PK PL PM PN PR PS PT PY QA RE RO RS RU RW SA SB SC SE SG SH SI SJ SK SL SM SN SO SR ' +
  'SS ST SV SX SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VN ' +
  'VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/** The country's name in the buyer's language, sorted by it. */
export const countryOptions = (locale?: string): Array<{ code: string; name: string }> => {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
  } catch {
    names = undefined;
  }
  return COUNTRIES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
};

/** The region of a BCP 47 tag (`en-GB` → `GB`), when it names one we ship to. */
export const countryOfLocale = (locale?: string): string | undefined => {
  try {
    const region = new Intl.Locale(locale ?? navigator.language).maximize().region;
    return region && COUNTRIES.includes(region) ? region : undefined;
  } catch {
    return undefined;
  }
};

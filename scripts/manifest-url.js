// The manifest's URLs point at the dev server; a production build replaces that origin with ADDIN_URL.
'use strict';

const DEV_URL = 'https://localhost:3000/';

/**
 * Normalise an add-in URL: https only, ending in a slash.
 * @param {string | undefined} value
 * @returns {string}
 */
function addinUrl(value) {
  const url = (value || DEV_URL).replace(/\/?$/, '/');
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_URL must be an https URL (Office requires it): ${url}`);
  return url;
}

/**
 * Point every dev-server URL of the manifest (and its AppDomain) at `url`.
 * @param {string | Buffer} content
 * @param {string | undefined} url
 * @returns {string}
 */
function rewriteManifest(content, url) {
  const target = addinUrl(url);
  return String(content).split(DEV_URL).join(target).split(DEV_URL.slice(0, -1)).join(new URL(target).origin);
}

module.exports = { DEV_URL, addinUrl, rewriteManifest };

/**
 * A structural check of manifest.xml written for this project (the official validator needs the
 * internet; CI also runs the offline XSD check in ../shared/office-manifest).
 */
import { readFileSync, existsSync } from 'fs';
import * as path from 'path';
import { addinUrl, rewriteManifest } from '../scripts/manifest-url';
import { CORE_EXCEL_API } from '../src/hosts/excel/requirements';

const root = path.resolve(__dirname, '..');
const xml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const all = (re: RegExp) => [...xml.matchAll(new RegExp(re.source, 'g'))].map((m) => m[1]!);
const one = (re: RegExp) => {
  const m = re.exec(xml);
  if (!m) throw new Error(`manifest.xml: no match for ${re}`);
  return m[1]!;
};

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  test('is a task pane add-in for Excel that may read and write the workbook', () => {
    expect(xml).toMatch(/<OfficeApp[^>]+xsi:type="TaskPaneApp"/);
    expect(one(/<Id>([^<]+)<\/Id>/)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one(/<Version>([^<]+)<\/Version>/)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(/<Host Name="([^"]+)"\/>/)).toEqual(['Workbook']);
    expect(one(/<Permissions>([^<]+)<\/Permissions>/)).toBe('ReadWriteDocument');
    expect(one(/<DefaultLocale>([^<]+)<\/DefaultLocale>/)).toBe('sv-SE');
  });

  test('declares the lowest requirement set the core needs (ExcelApi 1.7); 1.9 and 1.14 are checked at run time', () => {
    expect(all(/<(?:bt:)?Set Name="ExcelApi" MinVersion="([^"]+)"\/>/)).toEqual(['1.7', '1.7']);
    expect(CORE_EXCEL_API).toBe('1.7');
  });

  test('has a ribbon button on the Home tab that shows the task pane', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  test('every resid resolves, every URL is https, and the icons exist at their sizes', () => {
    const defined = new Set(all(/<bt:(?:Image|Url|String) id="([^"]+)"/g));
    for (const resid of all(/resid="([^"]+)"/g)) {
      expect(defined.has(resid)).toBe(true);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    const urls = all(/DefaultValue="(https?:[^"]+)"/g);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const icons: [RegExp, number][] = [
      [/<IconUrl DefaultValue="[^"]*\/assets\/(icon-\d+\.png)"/, 32],
      [/<HighResolutionIconUrl DefaultValue="[^"]*\/assets\/(icon-\d+\.png)"/, 64],
      [/<bt:Image id="Icon.16x16" DefaultValue="[^"]*\/assets\/(icon-\d+\.png)"/, 16],
      [/<bt:Image id="Icon.32x32" DefaultValue="[^"]*\/assets\/(icon-\d+\.png)"/, 32],
      [/<bt:Image id="Icon.80x80" DefaultValue="[^"]*\/assets\/(icon-\d+\.png)"/, 80],
    ];
    for (const [re, size] of icons) {
      const file = path.join(root, 'assets', one(re));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test('the page the manifest opens is the one webpack builds', () => {
    expect(one(/<SourceLocation DefaultValue="([^"]+)"\/>/)).toBe('https://localhost:3000/taskpane.html');
    const config = readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
    expect(config).toMatch(/filename: 'taskpane\.html'/);
    expect(config).toMatch(/ADDIN_URL/);
  });
});

describe('the production URL', () => {
  test('ADDIN_URL replaces every dev-server URL and the app domain in the built manifest', () => {
    const built = rewriteManifest(xml, 'https://example.org/finsam-budget');
    expect(built).not.toMatch(/localhost/);
    expect(built).toMatch(/<SourceLocation DefaultValue="https:\/\/example\.org\/finsam-budget\/taskpane\.html"\/>/);
    expect(built).toMatch(
      /<bt:Image id="Icon.80x80" DefaultValue="https:\/\/example\.org\/finsam-budget\/assets\/icon-80\.png"\/>/,
    );
    expect(built).toMatch(/<AppDomain>https:\/\/example\.org<\/AppDomain>/);
  });

  test('a URL that is not https is refused', () => {
    expect(() => addinUrl('http://example.org/')).toThrow(/https/);
    expect(addinUrl(undefined)).toBe('https://localhost:3000/');
  });
});

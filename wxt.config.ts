// WXT build configuration for the StudyTrail browser extension (Chrome/Edge MV3 first, Firefox too).
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  // With srcDir set these still default to the repo root (see TOOLCHAIN.md).
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: '.output',
  imports: false,
  webExt: { disabled: true },
  // The sources zip (for Firefox add-on review) holds what builds the extension, not the server or tests.
  zip: { excludeSources: ['server/**', 'test/**', 'data/**', 'scripts/**', '**/*.test.ts', '**/*.test.tsx'] },
  // Firefox too gets Manifest V3 (WXT defaults it to V2): one permission model for every browser.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // A fixed key gives the extension the same id on every machine, so the server's CORS rule and the
    // tests can name it. The matching private key is never used: the store assigns its own on publication.
    // Chromium only: Firefox rejects the property (its id is the gecko id below).
    ...(browser === 'firefox' ? {} : { key: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0OOsNPMUbNcDeTQJoHzv5lGMa7TxiDOiCEJZp+FP7RPHVBXVGZy8uB2NrVTKm/uoBqUXt8PzBJynpeG/1d/+nsKl6tc9yd4xMTKL9UHVbQ7kG800Gj6FG4+dmQRZ6ybZSxXRTV7EFgptVfxavtD0Y/UlnLtkfUi1i9l46o6Fy8W1/M+qIOuuPwMp9nF5asBMBFL/qWedIvl7qPKwhNyKill+oSfDNn6HjTtpKceWBaB/O9EeWpzjGMxYEvIfNVZR5RHvQGOX+C5oLjlvcIxSU93pDNufpZAQZQeS2BJp11HL2mD2pBmnkbAYCU/eb6sk5IpYnFsonDqvt7SXGEES5wIDAQAB' }),
    // storage: tracker state and outbox; alarms: checkpoints, sync, policy refresh; idle: idle and locked;
    // scripting: the probe and the highlighter registered for designated pages only (content/registration.ts);
    // contextMenus and activeTab: clipping on an explicit request on any page; unlimitedStorage so notes
    // are never lost to the quota.
    permissions: ['storage', 'alarms', 'idle', 'contextMenus', 'activeTab', 'scripting', 'unlimitedStorage'],
    commands: {
      'clip-selection': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_clipCommand__' },
    },
    // Chrome/Edge enterprise policy (3rdparty.extensions.<id>) fills storage.managed per this schema;
    // Firefox reads policies.json 3rdparty.Extensions without one (and rejects the key).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // Host access is requested per designated resource when the person signs in, never all URLs at once.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Firefox requires an add-on id for Manifest V3; 140 (an ESR) is the first to read
    // data_collection_permissions (Android: 142), which Mozilla requires of new add-ons.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'studytrail@studytrail.local',
              strict_min_version: '140.0',
              // Mozilla's data consent: sign-in, time on designated pages (URL, title) and clipped
              // passages go to the organisation's own server; nothing goes anywhere else.
              data_collection_permissions: { required: ['authenticationInfo', 'browsingActivity', 'websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

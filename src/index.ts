// The Apps Script globals: each export here becomes a top-level function in dist/Code.js, and nothing else does.
// Exports are functions only. Keep one section per feature; the sidebar's calls are typed by ServerApi in shared/api.ts.

// Menu and install
export { onOpen, onInstall } from './app/menu';

// Client database (setup, call list, touch log)

// Sidebar and settings

// Mail merge and letters

// The Apps Script globals: each export here becomes a top-level function in dist/Code.js, and nothing else does.
// Exports are functions only. Keep one section per feature; the sidebar's calls are typed by ServerApi in shared/api.ts.

// Menu and install
export { onOpen, onInstall } from './app/menu';

// Client database (setup, call list, touch log)
export { setupClientSheet } from './app/setup';
export { getCallList, showClientInSheet } from './app/callList';
export { startCallList, warmCallList } from './app/callListStart';
export { onEdit } from './app/callListIndex';
export { logTouch, undoLastTouch } from './app/touches';
export { getClientHistory } from './app/clientHistory';
export { getSettings, getSettingsChoices, saveSettings, submitSettings } from './app/settings';

// Sidebar and settings
export { openCallList, openReferrals, openSettings, showHelp } from './app/sidebar';
export { openWeeklyBatches } from './app/sidebar';

// Mail merge and letters
export {
  openMailMerge,
  getMergeSetup,
  previewMerge,
  sendTestEmail,
  runMailMerge,
} from './app/mailMerge';
export { openLetters, getLetterBatch, confirmLetters } from './app/letters';
export { repairMergeJournal } from './app/mergeRepair';

// Gmail: replies from clients (the sidebar's throttled scan; the weekly run calls app/gmailScan scanGmail)
export { scanGmailIfDue } from './app/gmailScan';
// Weekly batches (the panel's calls, and the time-driven trigger's handler)
export { getSchedule, saveSchedule } from './app/schedule';
export { runScheduledBatch } from './app/weeklyRun';

// Referrals and goals
export { recordReferral } from './app/referrals';
export { undoReferral } from './app/undoReferral';
export { getReferralSummary, getClientReferrals } from './app/referralSummary';

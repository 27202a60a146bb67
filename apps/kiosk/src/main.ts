import { mount } from 'svelte';
import App from './App.svelte';
import { boot } from './app/boot.ts';
import { startIdleReset } from './app/idle-reset.ts';
import { kiosk } from './app/kiosk.svelte.ts';
import { watchStaffGesture } from './app/staff-gesture.ts';
import { registerServiceWorker } from './app/updater.ts';
import { preloadAll } from './lazy.ts';
import './styles/base.css';
import './styles/citizen.css';
import './styles/forms.css';
import './styles/frames.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });

void boot().then(preloadAll);
startIdleReset();
watchStaffGesture(() => {
  if (kiosk.phase === 'ready' && kiosk.staff === 'closed') kiosk.openStaff();
});
void registerServiceWorker();

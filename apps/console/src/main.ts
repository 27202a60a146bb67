import './zod-setup.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import { i18n } from './lib/i18n.svelte.ts';
import { watchValidity } from './lib/validity.ts';
import './styles/base.css';
import './styles/forms.css';
import './styles/tables.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

watchValidity(() => i18n.locale);

export default mount(App, { target });

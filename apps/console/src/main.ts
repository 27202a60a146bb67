import './zod-setup.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import './styles/base.css';
import './styles/forms.css';
import './styles/tables.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });

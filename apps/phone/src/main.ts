import { mount } from 'svelte';
import App from './App.svelte';
import './phone.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
target.textContent = '';
mount(App, { target });

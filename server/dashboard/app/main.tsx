// The dashboard's entry: wires the browser (fetch, sessionStorage, localStorage, history, clock) into
// the app and mounts it.
import { render } from 'preact';
import { App } from './App.tsx';
import { createHttp } from '../api/http.ts';
import '../styles/app.css';
import '../styles/print.css';
import '../styles/programme.css';

const root = document.getElementById('app');
if (root !== null) {
  render(
    <App http={createHttp('')} tokens={sessionStorage} prefs={localStorage} history_={window.history} location_={window.location} now={() => Date.now()} />,
    root,
  );
}

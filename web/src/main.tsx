import { render } from 'preact';
import { AuthSession } from './api/auth-session';
import { App } from './ui/App';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) render(<App auth={new AuthSession()} />, root);

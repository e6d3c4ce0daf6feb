// Progressive enhancement only: every page works without this script.
import { initAll } from './govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
warnBeforeSessionTimeout()

/**
 * Warns before the idle timeout and lets the user stay signed in with one action (WCAG 2.2.1).
 * The server tells the page how long the session has left; "Stay signed in" restarts the clock.
 */
function warnBeforeSessionTimeout () {
  const body = document.body
  const dialog = document.getElementById('session-timeout')
  if (!dialog || !body.dataset.sessionSecondsLeft) return

  const countdown = document.getElementById('session-timeout-countdown')
  const extendButton = document.getElementById('session-timeout-extend')
  const warningSeconds = Number(body.dataset.sessionWarningSeconds) || 120
  let deadline = Date.now() + Number(body.dataset.sessionSecondsLeft) * 1000
  let warnTimer
  let tickTimer

  function schedule () {
    clearTimeout(warnTimer)
    const untilWarning = Math.max(0, deadline - Date.now() - warningSeconds * 1000)
    warnTimer = setTimeout(warn, untilWarning)
  }

  function describe (secondsLeft) {
    if (secondsLeft >= 60) {
      const minutes = Math.ceil(secondsLeft / 60)
      return minutes === 1 ? '1 minute' : minutes + ' minutes'
    }
    return secondsLeft === 1 ? '1 second' : secondsLeft + ' seconds'
  }

  function tick () {
    const secondsLeft = Math.round((deadline - Date.now()) / 1000)
    if (secondsLeft <= 0) {
      const next = encodeURIComponent(location.pathname + location.search)
      location.href = '/sign-in?ended=true&next=' + next
      return
    }
    countdown.textContent = describe(secondsLeft)
  }

  function warn () {
    tick()
    if (!dialog.open) dialog.showModal()
    extendButton.focus()
    clearInterval(tickTimer)
    tickTimer = setInterval(tick, 1000)
  }

  extendButton.addEventListener('click', async () => {
    const token = document.querySelector('input[name="csrf-token"]')
    const response = await fetch('/session/keep-alive', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'csrf-token': token ? token.value : '' }),
      credentials: 'same-origin'
    })
    if (!response.ok) {
      location.href = '/sign-in?ended=true'
      return
    }
    const { secondsLeft } = await response.json()
    deadline = Date.now() + secondsLeft * 1000
    clearInterval(tickTimer)
    dialog.close()
    schedule()
  })

  schedule()
}

// "Now" for the whole add-on: the only place server code asks for the current instant (the emulator drives it in tests).

export function now(): Date {
  return new Date();
}

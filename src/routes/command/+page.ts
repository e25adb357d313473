/** The wall screen runs deck.gl and a socket: browser only. Its room comes from the server load. */
export const ssr = false;

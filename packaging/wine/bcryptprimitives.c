/*
 * Build-only bcryptprimitives.dll for smoke-testing TDCS under Wine.
 *
 * Qt's PDF module (the report preview) uses Chromium's PDFium, whose random-number code loads
 * bcryptprimitives.dll and calls ProcessPrng, stopping the program (int 3) when it cannot.
 * Every Windows TDCS supports has that DLL; Wine 8 does not, so the Báo cáo page would crash
 * only under Wine. This is ProcessPrng as Windows documents it (fill the buffer with random
 * bytes from the system's generator, always succeed), over Wine's own BCryptGenRandom.
 *
 * Like icuuc_stub.c it goes only into the Wine prefix of packaging/build-windows.sh and is
 * never bundled: a user's Windows has the real one.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            ExitProcess(3); /* no randomness is worse than no program, as on Windows */
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}

// tlogcheck verifies a Banyan evidence log with Go's golang.org/x/mod/sumdb/{note,tlog} only — no Banyan code:
// the latest checkpoint's Ed25519 signature, an entry's inclusion (proof built from the served hash tiles under Go's
// tile/8/... paths and checked against the signed root), and the consistency of an older tree size with it.
//
//	go run main.go BASE_URL VERIFIER_KEY ENTRY_INDEX OLD_SIZE
package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type httpTiles struct{ prefix string }

func (t httpTiles) Height() int { return 8 }

func (t httpTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, tile := range tiles {
		b, err := get(t.prefix + "/" + tile.Path())
		if err != nil {
			return nil, err
		}
		data[i] = b
	}
	return data, nil
}

func (t httpTiles) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

func get(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "FAIL "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	prefix, vkey := os.Args[1]+"/audit-log", os.Args[2]
	index, _ := strconv.ParseInt(os.Args[3], 10, 64)
	oldSize, _ := strconv.ParseInt(os.Args[4], 10, 64)

	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		fail("verifier key: %v", err)
	}
	msg, err := get(prefix + "/checkpoint")
	if err != nil {
		fail("%v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint signature: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	size, _ := strconv.ParseInt(lines[1], 10, 64)
	rootBytes, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil {
		fail("root: %v", err)
	}
	var root tlog.Hash
	copy(root[:], rootBytes)
	tree := tlog.Tree{N: size, Hash: root}
	reader := tlog.TileHashReader(tree, httpTiles{prefix})

	// The entry, from its bundle, hashed by tlog itself.
	tile := index / 256
	width := size - tile*256
	if width > 256 {
		width = 256
	}
	path := fmt.Sprintf("%s/tile/entries/%s", prefix, strings.TrimPrefix(tlog.Tile{H: 8, L: 0, N: tile, W: int(width)}.Path(), "tile/8/0/"))
	bundle, err := get(path)
	if err != nil {
		fail("%v", err)
	}
	var entry []byte
	for i := int64(0); i <= index%256; i++ {
		length := int(bundle[0])<<8 | int(bundle[1])
		entry, bundle = bundle[2:2+length], bundle[2+length:]
	}
	proof, err := tlog.ProveRecord(size, index, reader)
	if err != nil {
		fail("prove record: %v", err)
	}
	if err := tlog.CheckRecord(proof, size, root, index, tlog.RecordHash(entry)); err != nil {
		fail("check record: %v", err)
	}
	treeProof, err := tlog.ProveTree(size, oldSize, reader)
	if err != nil {
		fail("prove tree: %v", err)
	}
	oldRoot, err := tlog.TreeHash(oldSize, reader)
	if err != nil {
		fail("old root: %v", err)
	}
	if err := tlog.CheckTree(treeProof, size, root, oldSize, oldRoot); err != nil {
		fail("check tree: %v", err)
	}
	fmt.Printf("OK size=%d entry=%d %s consistent-from=%d\n", size, index, bytes.TrimSpace(entry)[:20], oldSize)
}

// Sorting: the Go twin of sort.pyro (same generator, same output).
package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []int64{}
	seed := int64(42)
	for i := 0; i < 2000000; i++ {
		seed = (seed*1103515245 + 12345) % 2147483648
		xs = append(xs, seed%1000000)
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	checksum := int64(0)
	for _, x := range xs {
		checksum = (checksum*31 + x) % 1000000007
	}
	fmt.Println(xs[0], xs[len(xs)-1], checksum)
}

// Word count: the Go twin of wordcount.pyro (same generator, same output).
package main

import "fmt"

func main() {
	words := make([]string, 5000)
	for i := range words {
		words[i] = fmt.Sprintf("word%d", i)
	}
	counts := map[string]int{}
	order := []string{}
	seed := int64(12345)
	for i := 0; i < 4000000; i++ {
		seed = (seed*1103515245 + 12345) % 2147483648
		w := words[seed%5000]
		if _, ok := counts[w]; !ok {
			order = append(order, w)
		}
		counts[w] = counts[w] + 1
	}
	total, most := 0, 0
	for _, w := range order {
		n := counts[w]
		total += n
		if n > most {
			most = n
		}
	}
	fmt.Println(len(counts), total, most)
}

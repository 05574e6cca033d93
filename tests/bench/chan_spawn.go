// Spawning: the same work as chan_spawn.pyro.
package main

import "fmt"

func sendOne(out chan<- int, v int) {
	out <- v
}

func main() {
	results := make(chan int, 1024)
	for i := 0; i < 100000; i++ {
		go sendOne(results, i)
	}
	total := 0
	for i := 0; i < 100000; i++ {
		total += <-results
	}
	fmt.Println(total)
}
